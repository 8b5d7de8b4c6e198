//! Spanish: the consent area (the same keys as `en/consent.rs`, in the same order).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // Consent.
    (SignalGpc, Plain("Control Global de Privacidad (GPC)")),
    (SignalDnt, Plain("No rastrear (DNT)")),
    (
        SignalNamed,
        Plain(
            "Tu navegador envió la señal {name} para pedir a los sitios que no te rastreen, así que los tipos opcionales están desactivados. Aún puedes activarlos {place}",
        ),
    ),
    (
        SignalUnnamed,
        Plain(
            "Tu navegador pidió a los sitios que no te rastreen, así que los tipos opcionales están desactivados. Aún puedes activarlos {place}",
        ),
    ),
    (SignalPlaceBanner, Plain("en «Elegir…».")),
    (SignalPlaceDialog, Plain("más abajo.")),
    (
        ReasonPolicyChanged,
        Plain("Nuestra Política de privacidad cambió (versión {from} → {to})"),
    ),
    (
        ReasonPolicyText,
        Plain(
            "El texto de nuestra Política de privacidad (versión {version}) cambió desde que la aceptaste",
        ),
    ),
    (
        ReasonPolicyUnknown,
        Plain(
            "Aceptaste la versión {version} de nuestra Política de privacidad, que ya no podemos comparar con la actual",
        ),
    ),
    (
        ReasonDifferentDocument,
        Plain("Aceptaste «{from}» y ahora se aplica «{to}»"),
    ),
    (
        ReasonNewCategories,
        Plural {
            one: "Hay un nuevo tipo de tratamiento de datos sobre el que debes decidir: {titles}",
            other: "Hay nuevos tipos de tratamiento de datos sobre los que debes decidir: {titles}",
        },
    ),
    (
        ReadPrivacyPolicy,
        Plain("Leer nuestra Política de privacidad"),
    ),
    (
        RecordedWith,
        Plain("Tu elección queda registrada según {policy}."),
    ),
    (PolicyLabel, Plain("{title}, versión {version}")),
    (PrivacyPolicy, Plain("Política de privacidad")),
    (NothingOptional, Plain("No hay nada opcional que elegir.")),
    (
        OptionalAsk,
        Plural {
            one: "Con tu permiso, también nos gustaría usar un tipo opcional de tratamiento de datos: {list}. Permanece desactivado a menos que digas que sí, y puedes cambiar de opinión en cualquier momento.",
            other: "Con tu permiso, también nos gustaría usar algunos tipos opcionales de tratamiento de datos: {list}. Permanecen desactivados a menos que digas que sí, y puedes cambiar de opinión en cualquier momento.",
        },
    ),
    (PrivacyChoices, Plain("Preferencias de privacidad")),
    (YourPrivacyChoices, Plain("Tus preferencias de privacidad")),
    (NotNowLabel, Plain("Ahora no: cerrar sin elegir")),
    (
        NotNowTitle,
        Plain("Cerrar sin elegir (Esc). Te lo volveremos a preguntar la próxima vez."),
    ),
    (NotNow, Plain("Ahora no")),
    (AskingAgain, Plain("Te lo volvemos a preguntar porque:")),
    (
        NecessaryAlwaysOn,
        Plain(
            "Parte del almacenamiento es estrictamente necesaria para que el sitio funcione, así que siempre está activada. ",
        ),
    ),
    (Choose, Plain("Elegir…")),
    (RejectAll, Plain("Rechazar todo")),
    (AcceptAll, Plain("Aceptar todo")),
    (StoresNothing, Plain("No guarda nada en tu navegador.")),
    (
        StorageKeys,
        Plural {
            one: "Cookie o clave de almacenamiento: ",
            other: "Cookies y claves de almacenamiento: ",
        },
    ),
    (AlwaysOn, Plain("Siempre en uso")),
    (
        AlwaysOnNote,
        Plain(
            "El sitio los necesita para funcionar y para recordar tus elecciones, así que no se pueden desactivar. Nunca se usan para publicidad ni para rastrearte.",
        ),
    ),
    (Allow, Plain("Permitir")),
    (DontAllow, Plain("No permitir")),
    (NotAnswered, Plain("Aún sin responder.")),
    (
        OffBySignalNamed,
        Plain("Desactivado porque tu navegador envió la señal {name} — puedes permitirlo."),
    ),
    (
        OffBySignal,
        Plain("Desactivado por la señal de privacidad de tu navegador — puedes permitirlo."),
    ),
    (Close, Plain("Cerrar")),
    (
        PreferencesIntro,
        Plain(
            "Elige qué tipos opcionales de tratamiento de datos permites. Nada opcional se activa hasta que digas que sí, y puedes cambiar de opinión en cualquier momento: «Rechazar todo» vuelve a desactivar todo lo opcional.",
        ),
    ),
    (YourHistory, Plain("Tu historial")),
    (NothingSaved, Plain("Aún no hay nada guardado.")),
    (DownloadReceipt, Plain("Descargar un comprobante (JSON)")),
    (
        ReceiptLater,
        Plain("Podrás descargar un comprobante cuando hayas guardado una elección."),
    ),
    (SaveChoices, Plain("Guardar mis elecciones")),
    (
        SaveHint,
        Plain("Responde sobre cada tipo para guardar, o usa «Aceptar todo» / «Rechazar todo»."),
    ),
    (
        NotRecorded,
        Plain("No se pudo registrar tu elección: {error}"),
    ),
    (
        BackToChoices,
        Plain("← Volver a tus preferencias de privacidad"),
    ),
    (PolicyLoading, Plain("Cargando la política de privacidad…")),
    (
        PolicyLoadFailed,
        Plain(
            "No se pudo cargar la política de privacidad. Revisa tu conexión, vuelve atrás y ábrela de nuevo.",
        ),
    ),
];
