//! Spanish: the acceptance area (the same keys as `en/acceptance.rs`, in the same order).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // Acceptance records.
    (
        AcceptedRecord,
        Plain("El {date} aceptaste «{title}» (versión {version}) {how}."),
    ),
    (
        AcceptedRecordPledges,
        Plural {
            one: "El {date} aceptaste «{title}» (versión {version}) {how} y afirmaste su compromiso.",
            other: "El {date} aceptaste «{title}» (versión {version}) {how} y afirmaste sus {n} compromisos.",
        },
    ),
    (AcceptedHowSignup, Plain("al registrarte")),
    (
        AcceptedHowSignupGuardian,
        Plain("al registrarte, con el consentimiento de tu madre, padre o tutor/a legal"),
    ),
    (AcceptedHowCourse, Plain("para el curso {course}")),
    (AcceptedHowPlatform, Plain("en {platform}")),
    (AcceptedHowAgain, Plain("de nuevo después de que cambió")),
    (
        AcceptedHowAgainCourse,
        Plain("de nuevo para el curso {course} después de que cambió"),
    ),
    (AcceptedHowApi, Plain("a través de {platform}")),
    (
        AcceptedHowApiCourse,
        Plain("a través de {platform} para el curso {course}"),
    ),
    (
        AcceptedOn,
        Plain("Aceptaste «{title}» (versión {version}) el {date}"),
    ),
    (
        UpdatedSinceAccepted,
        Plain("Actualizado desde que lo aceptaste"),
    ),
    (
        ChangedSinceAccepted,
        Plain("Qué cambió desde que lo aceptaste"),
    ),
    (NothingAccepted, Plain("Aún no has aceptado nada.")),
    // Acceptance: the sign-up and the course page.
    (
        AcceptanceUnreadable,
        Plain(
            "No pudimos leer tus acuerdos guardados, así que conservamos una copia y te los volvemos a pedir.",
        ),
    ),
    (
        AcceptanceMemoryOnly,
        Plain(
            "Tus acuerdos valen solo para esta visita: este navegador no permite que el sitio los guarde.",
        ),
    ),
    (
        AcceptanceUnreadableMemoryOnly,
        Plain(
            "No pudimos leer tus acuerdos guardados y se conservan tal como están; tus acuerdos valen solo para esta visita.",
        ),
    ),
    (SignupTitle, Plain("Tus acuerdos con {platform}")),
    (BirthDateLegend, Plain("Tu fecha de nacimiento")),
    (BirthDateLabel, Plain("Fecha de nacimiento")),
    (
        BirthDateHint,
        Plain("Solo la usamos para comprobar qué se aplica en tu caso, y no la guardamos."),
    ),
    (Continue, Plain("Continuar")),
    (
        BirthDateInvalid,
        Plain("Ingresa tu fecha de nacimiento completa."),
    ),
    (
        BirthDateNoSuchDay,
        Plain("Ese día no existe: revisa el día y el mes."),
    ),
    (
        BirthDateFuture,
        Plain("Esa fecha está en el futuro: ingresa el día en que naciste."),
    ),
    (
        BirthDateTooLongAgo,
        Plain("Revisa el año de tu fecha de nacimiento."),
    ),
    (ChangeBirthDate, Plain("Cambiar tu fecha de nacimiento")),
    (TooYoungTitle, Plain("Aún no podemos registrarte")),
    (
        TooYoungText,
        Plain(
            "Gracias por tu interés en {platform}. Por tu edad, todavía no puedes crear una cuenta. Nos encantará darte la bienvenida cuando seas un poco mayor.",
        ),
    ),
    (GuardianLegend, Plain("Madre, padre o tutor/a legal")),
    (
        GuardianConfirm,
        Plain(
            "Soy madre, padre o tutor/a legal de quien se está registrando: leí los documentos de abajo y los acepto en su nombre.",
        ),
    ),
    (DocumentsLegend, Plain("Lee y acepta")),
    (
        DocumentMeta,
        Plain("Versión {version}, vigente desde el {date}"),
    ),
    (ReadDocument, Plain("Leer «{title}»")),
    (AcceptDocument, Plain("He leído y acepto «{title}»")),
    (
        PledgesLegend,
        Plain("Los compromisos de «{title}»: afirma cada uno"),
    ),
    (SignupAccept, Plain("Aceptar y continuar")),
    (StillNeeded, Plain("Todavía falta lo siguiente: {list}.")),
    (MissingBirthDate, Plain("tu fecha de nacimiento")),
    (
        MissingGuardian,
        Plain("la confirmación de tu madre, padre o tutor/a legal"),
    ),
    (MissingPledge, Plain("el compromiso {pledge} de «{title}»")),
    (MissingDocument, Plain("la aceptación de «{title}»")),
    (
        SignupDone,
        Plain("Gracias: tus acuerdos quedaron registrados."),
    ),
    (BackToSignup, Plain("← Volver al registro")),
    (BackToPrompt, Plain("← Volver")),
    (DocumentLoading, Plain("Cargando el documento…")),
    (
        DocumentLoadFailed,
        Plain(
            "No se pudo cargar el documento. Revisa tu conexión, vuelve atrás y ábrelo de nuevo.",
        ),
    ),
    (
        CoursePromptTitle,
        Plain("Antes de las actividades calificadas"),
    ),
    (AcceptButton, Plain("Aceptar")),
    (AcceptAgainButton, Plain("Aceptar la versión {version}")),
    (
        MaterialChangeIntro,
        Plain(
            "«{title}» tuvo un cambio sustancial desde que aceptaste la versión {version}. Lee qué cambió y vuelve a aceptarlo.",
        ),
    ),
    (
        InvalidCourse,
        Plain(
            "No se puede mostrar este aviso: «{course}» no es un identificador de curso válido (de 1 a 64 caracteres: a–z, 0–9, -, _ y .).",
        ),
    ),
    (ReadIt, Plain("Leerlo")),
];
