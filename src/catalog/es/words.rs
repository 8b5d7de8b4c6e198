//! Spanish: the words area (the same keys as `en/words.rs`, in the same order): the refund
//! reason, the consent history in words and the consent storage notices.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // The refund reason.
    (WhyWhen, Plain("{date} a las {time} UTC")),
    (
        WhyGooglePlay,
        Plain(
            "Compraste esto a través de Google Play, así que se aplica su política de \
             reembolsos en lugar de la nuestra y Google gestiona los reembolsos. Pídele el \
             reembolso a Google.",
        ),
    ),
    (
        WhyAppStore,
        Plain(
            "Compraste esto a través de la App Store, así que se aplica su política de \
             reembolsos en lugar de la nuestra y Apple gestiona los reembolsos. Pídele el \
             reembolso a Apple.",
        ),
    ),
    (
        WhyMarketplaceChannel,
        Plain(
            "Compraste esto a través de una tienda externa, así que se aplica su política de \
             reembolsos en lugar de la nuestra y la tienda gestiona los reembolsos. Pídele el \
             reembolso a la tienda.",
        ),
    ),
    (
        WhyOrganization,
        Plain(
            "Tienes esto a través de tu organización (un empleador, un gobierno, un campus o \
             un programa de impacto social), así que los reembolsos y las cancelaciones se \
             rigen por su contrato con nosotros. Pregúntale a tu organización por un \
             reembolso.",
        ),
    ),
    (
        WhyPartner,
        Plain(
            "Los reembolsos de {kinds} los establece y gestiona la universidad asociada que \
             ofrece el programa. Pregúntale a la universidad por un reembolso.",
        ),
    ),
    (
        WhySoldThroughMarketplace,
        Plain(
            "Los reembolsos de {kinds} los gestiona la tienda en la que se venden. Pregúntale \
             a la tienda por un reembolso.",
        ),
    ),
    (
        WhyViolation,
        Plain(
            "Se ha confirmado una infracción de las Condiciones de uso, la Política de uso \
             aceptable o el Código de honor, así que no tienes derecho a un reembolso, ni \
             siquiera dentro del plazo de reembolso. Aun así, podemos decidir reembolsarte.",
        ),
    ),
    (
        WhyMonthlyNotRefunded,
        Plain(
            "Los pagos de la suscripción mensual no se reembolsan. Al cancelar se detiene el \
             próximo cargo, y conservas el acceso hasta el final del mes que pagaste.",
        ),
    ),
    (WhyNotRefunded, Plain("{kinds} no se reembolsan.")),
    (
        WhyFreeTrial,
        Plain(
            "{this} incluía una prueba gratuita en lugar de un plazo de reembolso, así que sus \
             pagos no se reembolsan.",
        ),
    ),
    (
        WhyNoStatedWindow,
        Plain(
            "Cuando te registraste no se indicó ningún plazo de reembolso para este servicio, \
             así que no se reembolsa.",
        ),
    ),
    (WhyWindow, Plain("{rule}{ending} {verdict}")),
    (
        WhyStated,
        Plural {
            one: "Pagaste el {paid}. El plazo de reembolso indicado para este servicio es de \
                  {n} día después del pago",
            other: "Pagaste el {paid}. El plazo de reembolso indicado para este servicio es \
                    de {n} días después del pago",
        },
    ),
    (
        WhyShorter,
        Plural {
            one: "Pagaste el {paid}. {this} indicó un plazo de reembolso más corto al \
                  registrarte: {n} día después del pago",
            other: "Pagaste el {paid}. {this} indicó un plazo de reembolso más corto al \
                    registrarte: {n} días después del pago",
        },
    ),
    (
        WhyStandard,
        Plural {
            one: "Pagaste el {paid}. {kinds} se pueden reembolsar durante {n} día después del \
                  pago",
            other: "Pagaste el {paid}. {kinds} se pueden reembolsar durante {n} días después \
                    del pago",
        },
    ),
    (
        WhyLaunchedFirst,
        Plural {
            one: "Pagaste el {paid}, cuando {what} ya se había lanzado, así que la \
                  preinscripción no se aplica. {kinds} se pueden reembolsar durante {n} día \
                  después del pago",
            other: "Pagaste el {paid}, cuando {what} ya se había lanzado, así que la \
                    preinscripción no se aplica. {kinds} se pueden reembolsar durante {n} días \
                    después del pago",
        },
    ),
    (
        WhyFromLaunch,
        Plural {
            one: "Te preinscribiste el {paid}, antes de que {what} se lanzara el {launch}. El \
                  plazo de reembolso dura hasta {n} día después del lanzamiento (las fechas de \
                  lanzamiento pueden cambiar, y con ellas este plazo)",
            other: "Te preinscribiste el {paid}, antes de que {what} se lanzara el {launch}. \
                    El plazo de reembolso dura hasta {n} días después del lanzamiento (las \
                    fechas de lanzamiento pueden cambiar, y con ellas este plazo)",
        },
    ),
    (
        WhyNoLaunchYet,
        Plural {
            one: "Te preinscribiste el {paid}, y {what} aún no tiene fecha de lanzamiento. El \
                  plazo de reembolso sigue abierto hasta {n} día después del lanzamiento",
            other: "Te preinscribiste el {paid}, y {what} aún no tiene fecha de lanzamiento. \
                    El plazo de reembolso sigue abierto hasta {n} días después del lanzamiento",
        },
    ),
    (WhyLaunchCourse, Plain("el curso")),
    (
        WhyLaunchSpecialization,
        Plain("el primer curso de la Especialización"),
    ),
    (WhyLaunchOther, Plain("lo que compraste")),
    (WhyCertificateCourse, Plain("tu Certificado del curso")),
    (
        WhyCertificateSpecialization,
        Plain("tu primer Certificado de curso de esta Especialización"),
    ),
    (WhyCertificateOther, Plain("un certificado")),
    (
        WhyEndCertificateAtPayment,
        Plain(
            ". Obtuviste {certificate} en el momento del pago, así que no hubo plazo de reembolso.",
        ),
    ),
    (
        WhyEndCertificate,
        Plain(
            ". Obtuviste {certificate} el {earned}, lo que cerró el plazo de reembolso en ese momento.",
        ),
    ),
    (
        WhyEndAfterLastInstant,
        Plain(
            ", que es posterior al año 9999, así que el plazo está abierto en cualquier fecha \
             que se pueda evaluar.",
        ),
    ),
    (
        WhyEndNoWindow,
        Plain(", así que no hay plazo de reembolso."),
    ),
    (
        WhyEndCloses,
        Plain(", así que el plazo se cierra el {end}."),
    ),
    (WhyEndNotKnown, Plain(".")),
    (
        WhyCancelledInTime,
        Plain(
            "Cancelaste el {as_of}, {duration} antes de que se cerrara, así que te corresponde \
             un reembolso completo.",
        ),
    ),
    (
        WhyOnStillOpen,
        Plain(
            "El {as_of} el plazo sigue abierto (tiempo restante: {duration}), así que te \
             corresponde un reembolso completo.",
        ),
    ),
    (
        WhyCancelledWhileOpen,
        Plain(
            "Cancelaste el {as_of}, mientras el plazo estaba abierto, así que te corresponde \
             un reembolso completo.",
        ),
    ),
    (
        WhyOnOpen,
        Plain("El {as_of} el plazo está abierto, así que te corresponde un reembolso completo."),
    ),
    (
        WhyCancelledNoWindow,
        Plain("Cancelaste el {as_of}, así que no te corresponde ningún reembolso."),
    ),
    (
        WhyOnNoWindow,
        Plain("Así que el {as_of} no te corresponde ningún reembolso."),
    ),
    (
        WhyCancelledAfterClose,
        Plain(
            "Cancelaste el {as_of}, cuando el plazo ya se había cerrado, así que no te \
             corresponde ningún reembolso.",
        ),
    ),
    (
        WhyOnClosed,
        Plain("El {as_of} el plazo ya se ha cerrado, así que no te corresponde ningún reembolso."),
    ),
    (WhyThisMonthly, Plain("Esta suscripción mensual")),
    (WhyThisPlus, Plain("Esta suscripción Plus")),
    (WhyThisCourse, Plain("Este curso")),
    (WhyThisSpecialization, Plain("Esta Especialización")),
    (WhyThisGuidedProject, Plain("Este proyecto guiado")),
    (WhyThisDegree, Plain("Este título")),
    (
        WhyThisUniversityCertificate,
        Plain("Este certificado universitario"),
    ),
    (WhyThisOther, Plain("Este servicio")),
    (WhyAllMonthly, Plain("Los pagos de la suscripción mensual")),
    (WhyAllPlus, Plain("Los pagos de la suscripción Plus")),
    (WhyAllCourse, Plain("Los cursos")),
    (WhyAllSpecialization, Plain("Las Especializaciones")),
    (WhyAllGuidedProject, Plain("Los proyectos guiados")),
    (WhyAllDegree, Plain("Los títulos")),
    (
        WhyAllUniversityCertificate,
        Plain("Los certificados universitarios"),
    ),
    (WhyAllOther, Plain("Los demás servicios")),
    (
        WhyKindsMonthly,
        Plain("los pagos de la suscripción mensual"),
    ),
    (WhyKindsPlus, Plain("los pagos de la suscripción Plus")),
    (WhyKindsCourse, Plain("los cursos")),
    (WhyKindsSpecialization, Plain("las Especializaciones")),
    (WhyKindsGuidedProject, Plain("los proyectos guiados")),
    (WhyKindsDegree, Plain("los títulos")),
    (
        WhyKindsUniversityCertificate,
        Plain("los certificados universitarios"),
    ),
    (WhyKindsOther, Plain("los demás servicios")),
    // The consent history, one sentence per record.
    (HistoryOn, Plain("El {date} a las {time} UTC")),
    (HistoryAt, Plain("En {instant}")),
    (
        HistoryUnder,
        Plain("conforme a {document}, versión {version}"),
    ),
    (
        HistoryChoice,
        Plain("{when} {what}, {method}{signal}, {policy}."),
    ),
    (
        HistoryAllowedAndRefused,
        Plain("permitiste {allowed} y rechazaste {refused}"),
    ),
    (HistoryAllowed, Plain("permitiste {allowed}")),
    (HistoryRefused, Plain("rechazaste {refused}")),
    (
        HistoryAcknowledged,
        Plain("confirmaste que viste el aviso de privacidad, sin nada opcional que elegir"),
    ),
    (HistoryFromBanner, Plain("desde el banner")),
    (HistoryInPreferences, Plain("en Opciones de privacidad")),
    (
        HistoryThroughSignal,
        Plain("mediante la señal de privacidad de tu navegador"),
    ),
    (HistoryThroughPlatform, Plain("a través de la plataforma")),
    (
        HistoryWhileSending,
        Plain(", mientras tu navegador enviaba {signals}"),
    ),
    (
        HistorySignal,
        Plain("{when}, siguiendo {source}, {what}, {policy}."),
    ),
    (
        HistorySignalSource,
        Plain("la señal {signals} de tu navegador"),
    ),
    (
        HistorySignalSourceUnnamed,
        Plain("la señal de privacidad de tu navegador"),
    ),
    (
        HistoryWereRefused,
        Plural {
            one: "se rechazó {list}",
            other: "se rechazaron {list}",
        },
    ),
    (
        HistoryStayedAllowed,
        Plain("se mantuvo lo que habías permitido: {list}"),
    ),
    (
        HistoryNothingLeft,
        Plain("no quedaba nada opcional por decidir"),
    ),
    // Where the learner's privacy choices are stored.
    (
        StoredChoicesUnreadable,
        Plain(
            "No se pudieron leer tus opciones de privacidad guardadas, así que guardamos una \
             copia y te volvemos a preguntar.",
        ),
    ),
    (
        StoredChoicesMemoryOnly,
        Plain(
            "Tus opciones se aplican solo a esta visita: este navegador no permite que el \
             sitio las guarde.",
        ),
    ),
    (
        StoredChoicesUnreadableMemoryOnly,
        Plain(
            "No se pudieron leer tus opciones de privacidad guardadas, así que guardamos una \
             copia y te volvemos a preguntar. Tus opciones se aplican solo a esta visita: \
             este navegador no permite que el sitio las guarde.",
        ),
    ),
    // Dates in words.
    (DateLong, Plain("{day} de {month} de {year}")),
    (MonthJanuary, Plain("enero")),
    (MonthFebruary, Plain("febrero")),
    (MonthMarch, Plain("marzo")),
    (MonthApril, Plain("abril")),
    (MonthMay, Plain("mayo")),
    (MonthJune, Plain("junio")),
    (MonthJuly, Plain("julio")),
    (MonthAugust, Plain("agosto")),
    (MonthSeptember, Plain("septiembre")),
    (MonthOctober, Plain("octubre")),
    (MonthNovember, Plain("noviembre")),
    (MonthDecember, Plain("diciembre")),
];
