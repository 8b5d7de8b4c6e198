//! Spanish: the words area (the same keys as `en/words.rs`, in the same order): the
//! consent history in words, the consent storage notices and dates in words.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
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
    // Lists ("a, b and c"): the consent history and the documents view.
    (ListTwo, Plain("{a} y {b}")),
    (ListMany, Plain("{init} y {last}")),
    (ListSeparator, Plain(", ")),
];
