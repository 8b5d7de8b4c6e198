//! Spanish: the documents area (the same keys as `en/documents.rs`, in the same order).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // The documents view.
    (PageTitle, Plain("{title} · {platform}")),
    (Loading, Plain("Cargando documentos…")),
    (LoadFailed, Plain("No se pudieron cargar los documentos")),
    (NoDocuments, Plain("No hay documentos para mostrar.")),
    (
        OlderVersion,
        Plain("Estás leyendo una versión anterior. Estuvo vigente desde el {from}. {link}"),
    ),
    (
        OlderVersionUntil,
        Plain("Estás leyendo una versión anterior. Estuvo vigente del {from} al {until}. {link}"),
    ),
    (ReadCurrentVersion, Plain("Leer la versión vigente")),
    (VersionLabel, Plain("Versión {version}")),
    (InEffectSince, Plain("Vigente desde el {date}")),
    (EffectiveOn, Plain("Entrada en vigor: {date}")),
    (CurrentBadge, Plain("Vigente")),
    (
        WhatChangedInVersion,
        Plain("Qué cambió en la versión {version}"),
    ),
    (
        BackToVerdict,
        Plain("← Volver a tu respuesta sobre el reembolso"),
    ),
    (SkipToDocument, Plain("Ir al documento")),
    (BrandSubtitle, Plain("Términos y políticas")),
    (Dismiss, Plain("Descartar")),
    (ToolsLabel, Plain("Herramientas")),
    (
        NoRefundPolicy,
        Plain(
            "Estos documentos no incluyen una Política de reembolso, así que aquí no hay calculadora de reembolsos.",
        ),
    ),
    (
        NoSuchDocument,
        Plain("Aquí no hay ningún documento llamado «{id}». Elige uno de la lista."),
    ),
    (
        NoSuchVersion,
        Plain(
            "«{title}» no tiene una versión «{version}». Se muestra la versión vigente en su lugar.",
        ),
    ),
    (
        NoSuchSection,
        Plain(
            "«{title}» no tiene una sección «{section}». Se muestra el inicio del documento en su lugar.",
        ),
    ),
    (
        NothingEarlier,
        Plain(
            "La versión {version} es la primera versión de «{title}»: no hay ninguna anterior con la cual compararla.",
        ),
    ),
    (DocumentsLabel, Plain("Documentos")),
    (OnThisPage, Plain("En esta página")),
    (ScopedLandmark, Plain("{name} ({scope})")),
    (SearchLabel, Plain("Buscar en los documentos")),
    (SearchPlaceholder, Plain("Buscar")),
    (PreviousMatch, Plain("Coincidencia anterior")),
    (
        PreviousMatchTitle,
        Plain("Coincidencia anterior (Mayús+Enter)"),
    ),
    (NextMatch, Plain("Coincidencia siguiente")),
    (NextMatchTitle, Plain("Coincidencia siguiente (Enter)")),
    (ClearSearch, Plain("Borrar la búsqueda")),
    (ClearSearchTitle, Plain("Borrar (Esc)")),
    (NoMatches, Plain("No hay coincidencias en este documento")),
    (
        MatchCount,
        Plural {
            one: "{current} de {n} coincidencia",
            other: "{current} de {n} coincidencias",
        },
    ),
    (AlsoIn, Plain(" · También en: ")),
    (AlsoInItem, Plain("{title} ({count})")),
    (VersionsTitle, Plain("Versiones de este documento")),
    (ImportantChange, Plain("Cambio sustancial")),
    (WhatChanged, Plain("Qué cambió")),
    (ArchivedRevision, Plain("Revisión anterior")),
    (ExternalSite, Plain("(sitio externo)")),
    (ShownBadge, Plain("En pantalla")),
    (
        ProblemsInDocuments,
        Plural {
            one: "{n} problema en los documentos: parte del contenido no se muestra",
            other: "{n} problemas en los documentos: parte del contenido no se muestra",
        },
    ),
    (RemovedStart, Plain("[eliminado: ")),
    (AddedStart, Plain("[agregado: ")),
    (ChangeEnd, Plain("]")),
    (ChangeAdded, Plain("Agregado")),
    (ChangeRemoved, Plain("Eliminado")),
    (ChangeReworded, Plain("Reformulado")),
    (
        ChangesTitle,
        Plain("Qué cambió en la versión {to} respecto de la versión {from}"),
    ),
    (
        ChangesNone,
        Plain("El texto es el mismo; solo cambió el formato."),
    ),
    (
        ChangesCount,
        Plural {
            one: "{n} cambio en {sections}.",
            other: "{n} cambios en {sections}.",
        },
    ),
    (
        ChangedSections,
        Plural {
            one: "{n} sección",
            other: "{n} secciones",
        },
    ),
    (ShowFullText, Plain("Mostrar el texto completo")),
    (Introduction, Plain("Introducción")),
    (LinkToSection, Plain("Enlace a esta sección")),
    (TableLabel, Plain("Tabla")),
    (OpensInNewTab, Plain(" (se abre en una pestaña nueva)")),
    (ImageStart, Plain("[Imagen: ")),
    (ImageEnd, Plain("]")),
    (
        LinkRemoved,
        Plain("Enlace eliminado: {href} no es una dirección segura"),
    ),
    (
        ShownInOriginalLanguage,
        Plain(
            "Este documento no está disponible en español, así que se muestra en su idioma original.",
        ),
    ),
];
