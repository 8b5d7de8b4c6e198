//! Spanish: the refund area (the same keys as `en/refund.rs`, in the same order), with
//! the refund reason.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // Refund form: the questions' short names.
    (FieldKind, Plain("Qué compraste")),
    (FieldVia, Plain("Dónde pagaste")),
    (FieldPaidAt, Plain("Fecha de pago")),
    (FieldPreEnrolled, Plain("Preinscripción")),
    (FieldLaunchAt, Plain("Fecha de lanzamiento")),
    (FieldCertificateEarnedAt, Plain("Fecha del certificado")),
    (FieldCustomWindowDays, Plain("Ventana de reembolso")),
    (FieldFreeTrialEndsAt, Plain("Fin de la prueba gratuita")),
    (FieldCancelledAt, Plain("Fecha de cancelación")),
    (FieldHonorCodeViolation, Plain("Infracción confirmada")),
    // What was bought, where it was paid.
    (KindSubscriptionMonthly, Plain("Suscripción mensual")),
    (KindPlusSubscription, Plain("{platform_short} Plus (anual)")),
    (KindCourse, Plain("Curso")),
    (KindSpecialization, Plain("Especialización")),
    (KindGuidedProject, Plain("Proyecto guiado")),
    (KindDegree, Plain("Título")),
    (
        KindUniversityCertificate,
        Plain("Certificado universitario"),
    ),
    (KindOther, Plain("Otro servicio")),
    (
        ViaDirect,
        Plain("Directamente con {platform} (tarjeta o PayPal en nuestro sitio)"),
    ),
    (
        ViaAppStore,
        Plain("Apple App Store (en la app para iPhone o iPad)"),
    ),
    (ViaGooglePlay, Plain("Google Play (en la app para Android)")),
    (
        ViaOrganization,
        Plain(
            "A través de una organización (un empleador, un gobierno, una universidad o un programa de impacto social)",
        ),
    ),
    // Problems at a question.
    (
        MissingPaidAt,
        Plain("Ingresa la fecha y la hora en que pagaste."),
    ),
    (
        MissingCertificate,
        Plain(
            "Ingresa cuándo obtuviste el certificado, o desmarca la casilla si no lo has obtenido.",
        ),
    ),
    (
        MissingCertificateSpecialization,
        Plain(
            "Ingresa cuándo obtuviste tu primer Certificado de curso en esta especialización, o desmarca la casilla si no lo has obtenido.",
        ),
    ),
    (
        MissingFreeTrialEnd,
        Plain(
            "Ingresa cuándo termina (o terminó) la prueba gratuita, o desmarca la casilla si no hubo prueba gratuita.",
        ),
    ),
    (
        MissingCancelledAt,
        Plain(
            "Ingresa cuándo cancelaste o pediste un reembolso, o desmarca la casilla si aún no lo has hecho.",
        ),
    ),
    (
        MissingLaunchAt,
        Plain("Ingresa la fecha de lanzamiento, o déjala vacía si no se ha anunciado ninguna."),
    ),
    (
        NoSuchDate,
        Plain("Esa fecha no existe en el calendario. Revisa el día y el mes."),
    ),
    (
        NoSuchTime,
        Plain("Esa hora del día no existe. Usa horas de 00 a 23 y minutos de 00 a 59."),
    ),
    (
        IncompleteDateTime,
        Plain("Ingresa la fecha y la hora completas: día, mes, año, horas y minutos."),
    ),
    (
        UnreadableDateTime,
        Plain(
            "No pudimos leer esa fecha y hora. Ingresa una fecha entre los años 0001 y 9999, con horas y minutos.",
        ),
    ),
    (
        InvalidCustomWindow,
        Plain("Ingresa la ventana de reembolso como un número entero de días, por ejemplo, 7."),
    ),
    (
        NegativeCustomWindow,
        Plain("La ventana de reembolso no puede ser un número negativo de días."),
    ),
    (
        CustomWindowExceedsStandard,
        Plural {
            one: "Una ventana más corta indicada al registrarte no puede superar {n} día, que es la ventana estándar. Si no se indicó una ventana más corta, desmarca la casilla.",
            other: "Una ventana más corta indicada al registrarte no puede superar {n} días, que es la ventana estándar. Si no se indicó una ventana más corta, desmarca la casilla.",
        },
    ),
    (
        NowBeforePayment,
        Plain("La fecha de pago está en el futuro. Ingresa cuándo pagaste realmente."),
    ),
    (
        CertificateBeforePayment,
        Plain(
            "La fecha del certificado es anterior a la fecha de pago. Solo cuenta el certificado obtenido con este pago: revisa ambas fechas.",
        ),
    ),
    (
        CertificateBeforePaymentSpecialization,
        Plain(
            "La fecha del certificado es anterior a la fecha de pago. Solo cuenta tu primer Certificado de curso de esta especialización obtenido con este pago: revisa ambas fechas.",
        ),
    ),
    (
        CertificateAfterNow,
        Plain("La fecha del certificado está en el futuro. Ingrésala cuando lo hayas obtenido."),
    ),
    (
        CancelledBeforePayment,
        Plain(
            "La fecha de cancelación es anterior a la fecha de pago: revisa ambas fechas. Si te cobraron después de haber cancelado, se trata de un error de facturación, no de un reembolso: contacta al equipo de soporte.",
        ),
    ),
    (
        CancelledAfterNow,
        Plain(
            "La fecha de cancelación está en el futuro. Ingrésala cuando hayas cancelado o pedido un reembolso.",
        ),
    ),
    // The answer.
    (
        HeadlineCancelledInTime,
        Plain("Te corresponde un reembolso completo: cancelaste a tiempo"),
    ),
    (
        HeadlineUntil,
        Plain("Reembolso completo disponible hasta el {deadline}, en tu hora local"),
    ),
    (
        HeadlineOpen,
        Plain("Reembolso completo disponible: la ventana sigue abierta"),
    ),
    (
        HeadlineClosed,
        Plain("Sin reembolso: la ventana de reembolso ya cerró"),
    ),
    (HeadlineNotRefundable, Plain("No reembolsable")),
    (HeadlineViolation, Plain("Sin derecho a reembolso")),
    (
        HeadlineStore,
        Plain("Decide la tienda, no {platform_short}"),
    ),
    (HeadlineOrganization, Plain("Decide tu organización")),
    (HeadlineUniversity, Plain("Decide la universidad")),
    (
        PolicyLine,
        Plain("Versión {version} de la política, vigente desde el {since}"),
    ),
    (ReadTheRule, Plain("Ver la regla: {section}")),
    (RuleNamed, Plain("La regla: {section}")),
    (WindowCloses, Plain("La ventana de reembolso cierra")),
    (WindowClosed, Plain("La ventana de reembolso cerró")),
    (DeadlineZone, Plain("tu hora local ({zone})")),
    (TimeLeft, Plain("Tiempo restante")),
    (DurationLeft, Plain("Aún tienes {duration}")),
    (
        DurationToSpare,
        Plain("Cancelaste con {duration} de margen"),
    ),
    (JudgedAt, Plain("Momento de la evaluación")),
    (
        JudgedAtCancellation,
        Plain("Cuando cancelaste o pediste el reembolso: {time}"),
    ),
    (DurationUnderAMinute, Plain("menos de un minuto")),
    (
        DurationDays,
        Plural {
            one: "{n} día",
            other: "{n} días",
        },
    ),
    (
        DurationHours,
        Plural {
            one: "{n} hora",
            other: "{n} horas",
        },
    ),
    (
        DurationMinutes,
        Plural {
            one: "{n} minuto",
            other: "{n} minutos",
        },
    ),
    (DurationPair, Plain("{first} y {second}")),
    // Section titles of the default Refund Policy.
    (
        SectionWindowsMeasured,
        Plain("Cómo se miden las ventanas de reembolso"),
    ),
    (
        SectionMonthlySubscriptions,
        Plain("Suscripciones mensuales"),
    ),
    (SectionPlus, Plain("{platform_short} Plus")),
    (SectionCourses, Plain("Cursos y especializaciones")),
    (SectionPreEnrolment, Plain("Preinscripción")),
    (
        SectionShorterWindows,
        Plain("Ventanas de reembolso más cortas"),
    ),
    (SectionGuidedProjects, Plain("Proyectos guiados")),
    (
        SectionDegrees,
        Plain("Títulos y certificados universitarios"),
    ),
    (SectionAppStores, Plain("Compras en tiendas de apps")),
    (
        SectionOrganizations,
        Plain("Compras a través de una organización"),
    ),
    (SectionOtherServices, Plain("Otros servicios")),
    (
        SectionViolations,
        Plain("Infracciones de nuestras políticas"),
    ),
    (SectionHowToAsk, Plain("Cómo pedir un reembolso")),
    (SectionFallback, Plain("Política de reembolso")),
    // The timeline.
    (MarkPaid, Plain("Pago")),
    (MarkLaunch, Plain("Lanzamiento")),
    (MarkCertificate, Plain("Certificado")),
    (MarkCancelled, Plain("Cancelación")),
    (MarkDeadline, Plain("Cierre de la ventana")),
    (MarkNow, Plain("Ahora")),
    (TimelineMoment, Plain("{mark}: {time}")),
    (TimelineMomentSeparator, Plain("; ")),
    (TimelineLabel, Plain("Línea de tiempo. {moments}.")),
    (
        TimelineCaption,
        Plain("Línea de tiempo desde tu pago hasta ahora. La barra es la ventana de reembolso."),
    ),
    // The calculator.
    (RefundCalculator, Plain("Calculadora de reembolsos")),
    (
        RefundIntro,
        Plain(
            "Responde algunas preguntas para saber si te corresponde un reembolso completo y hasta cuándo. Las horas están en tu zona horaria ({zone}). Nada de lo que ingreses sale de tu navegador.",
        ),
    ),
    (GroupPurchase, Plain("Tu compra")),
    (GroupAboutCourse, Plain("Sobre el curso")),
    (GroupAboutSpecialization, Plain("Sobre la especialización")),
    (GroupAboutSubscription, Plain("Sobre la suscripción")),
    (GroupAboutService, Plain("Sobre el servicio")),
    (GroupConduct, Plain("Cancelación y conducta")),
    (AskKind, Plain("¿Qué compraste?")),
    (AskVia, Plain("¿Dónde pagaste?")),
    (AskPaidAt, Plain("¿Cuándo pagaste?")),
    (
        HintPaidAtRenewal,
        Plain("Si es una renovación, la fecha del cobro de esa renovación."),
    ),
    (
        HintPaidAtReceipt,
        Plain("La fecha y la hora que aparecen en tu recibo."),
    ),
    (AskZone, Plain("(tu hora local, {zone})")),
    (
        AskPreEnrolled,
        Plain("Pagué antes de su lanzamiento (preinscripción)"),
    ),
    (
        AskPreEnrolledSpecialization,
        Plain("Pagué antes del lanzamiento de su primer curso (preinscripción)"),
    ),
    (AskLaunchAt, Plain("Fecha de lanzamiento")),
    (
        HintLaunchAt,
        Plain("Déjala vacía si aún no se ha anunciado una fecha de lanzamiento."),
    ),
    (
        AskCertificate,
        Plain("Obtuve el Certificado de curso después de pagar"),
    ),
    (
        AskCertificateSpecialization,
        Plain("Obtuve un Certificado de curso en uno de sus cursos después de pagar"),
    ),
    (AskCertificateAt, Plain("¿Cuándo lo obtuviste?")),
    (
        AskServiceWindow,
        Plain("Se indicó una ventana de reembolso para este servicio"),
    ),
    (
        AskServiceWindowDays,
        Plain("La ventana indicada para ese servicio (días)"),
    ),
    (
        HintServiceWindow,
        Plain("Tal como se mostró al registrarte o en tu recibo."),
    ),
    (
        AskShorterWindow,
        Plain("Al registrarme se indicó una ventana de reembolso más corta"),
    ),
    (
        AskShorterWindowDays,
        Plain("Ventana de reembolso indicada al registrarte (días)"),
    ),
    (
        HintShorterWindow,
        Plain("Se mostró en la página de inscripción antes de que pagaras."),
    ),
    (
        HintShorterWindowLimit,
        Plural {
            one: "Se mostró en la página de inscripción antes de que pagaras. Puede ser de {n} día como máximo.",
            other: "Se mostró en la página de inscripción antes de que pagaras. Puede ser de {n} días como máximo.",
        },
    ),
    (
        AskFreeTrial,
        Plain("Esta suscripción comenzó con una prueba gratuita"),
    ),
    (
        AskFreeTrialEnd,
        Plain("¿Cuándo termina (o terminó) la prueba gratuita?"),
    ),
    (AskCancelled, Plain("Ya cancelé o pedí un reembolso")),
    (
        AskCancelledAt,
        Plain("¿Cuándo cancelaste o pediste el reembolso?"),
    ),
    (
        HintCancelledAt,
        Plain("La respuesta se evalúa en ese momento en lugar de ahora."),
    ),
    (
        AskViolation,
        Plain(
            "{platform} confirmó una infracción de los Términos de uso, la Política de uso aceptable o el Código de honor en esta cuenta",
        ),
    ),
    (
        HintViolation,
        Plain(
            "Marca esta casilla solo si {platform} te informó que se confirmó una infracción. Que te hayan hecho preguntas sobre algo, o un reporte que todavía se está revisando, no cuenta.",
        ),
    ),
    (
        ShiftedTime,
        Plain(
            "Esa hora no existe en tu zona horaria ese día (hubo cambio de horario), así que se interpreta como {time}.",
        ),
    ),
    (
        RepeatedTimeFirst,
        Plain(
            "Esa hora ocurre dos veces ese día en tu zona horaria, porque los relojes se atrasaron. Se interpreta como la primera vez, {time}.",
        ),
    ),
    (
        RepeatedTimeSecond,
        Plain(
            "Esa hora ocurre dos veces ese día en tu zona horaria, porque los relojes se atrasaron. Se interpreta como la segunda vez, {time}.",
        ),
    ),
    (UseSecondTime, Plain("Usar la segunda vez ({time})")),
    (UseFirstTime, Plain("Usar la primera vez ({time})")),
    (
        RefundPrompt,
        Plain(
            "Ingresa la fecha y la hora en que pagaste para saber si te corresponde un reembolso completo y hasta cuándo.",
        ),
    ),
    (
        ProblemsTitle,
        Plural {
            one: "Hay una cosa que revisar antes de que podamos responder:",
            other: "Hay algunas cosas que revisar antes de que podamos responder:",
        },
    ),
    (ProblemItem, Plain("{field}: {message}")),
    (CardLabel, Plain("Reembolso")),
    (
        CardFailed,
        Plain("No se puede mostrar la respuesta sobre el reembolso"),
    ),
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
];
