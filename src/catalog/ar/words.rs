//! Arabic: the words area (the same keys as `en/words.rs`, in the same order): the
//! consent history in words, the consent storage notices and dates in words.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plurals};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // The consent history, one sentence per record.
    (HistoryOn, Plain("في {date} الساعة {time} (UTC)")),
    (HistoryAt, Plain("في {instant}")),
    (HistoryUnder, Plain("بموجب {document}، الإصدار {version}")),
    (
        HistoryChoice,
        Plain("{when} {what}، {method}{signal}، {policy}."),
    ),
    (
        HistoryAllowedAndRefused,
        Plain("وافقت على {allowed} ورفضت {refused}"),
    ),
    (HistoryAllowed, Plain("وافقت على {allowed}")),
    (HistoryRefused, Plain("رفضت {refused}")),
    (
        HistoryAcknowledged,
        Plain("اطّلعت على إشعار الخصوصية، دون أي خيار اختياري لتحدده"),
    ),
    (HistoryFromBanner, Plain("من لافتة الخصوصية")),
    (HistoryInPreferences, Plain("في خيارات الخصوصية")),
    (HistoryThroughSignal, Plain("عبر إشارة الخصوصية في متصفحك")),
    (HistoryThroughPlatform, Plain("عبر المنصة")),
    (
        HistoryWhileSending,
        Plain("، بينما كان متصفحك يرسل {signals}"),
    ),
    (
        HistorySignal,
        Plain("{when}، بناءً على {source}، {what}، {policy}."),
    ),
    (HistorySignalSource, Plain("إشارة {signals} من متصفحك")),
    (
        HistorySignalSourceUnnamed,
        Plain("إشارة الخصوصية من متصفحك"),
    ),
    (
        HistoryWereRefused,
        Plurals {
            zero: "تم رفض {list}",
            one: "تم رفض {list}",
            two: "تم رفض {list}",
            few: "تم رفض {list}",
            many: "تم رفض {list}",
            other: "تم رفض {list}",
        },
    ),
    (
        HistoryStayedAllowed,
        Plain("بقيت الموافقة على {list} كما اخترت"),
    ),
    (HistoryNothingLeft, Plain("لم يبقَ أي خيار اختياري لتحدده")),
    // Where the learner's privacy choices are stored.
    (
        StoredChoicesUnreadable,
        Plain("تعذّرت قراءة خيارات الخصوصية المحفوظة لديك، لذا احتفظنا بنسخة منها ونسألك مجددًا."),
    ),
    (
        StoredChoicesMemoryOnly,
        Plain("تنطبق خياراتك على هذه الزيارة فقط: هذا المتصفح لا يسمح للموقع بحفظها."),
    ),
    (
        StoredChoicesUnreadableMemoryOnly,
        Plain(
            "تعذّرت قراءة خيارات الخصوصية المحفوظة لديك، لذا احتفظنا بنسخة منها ونسألك مجددًا. تنطبق خياراتك على هذه الزيارة فقط: هذا المتصفح لا يسمح للموقع بحفظها.",
        ),
    ),
    // Dates in words.
    (DateLong, Plain("{day} {month} {year}")),
    (MonthJanuary, Plain("يناير")),
    (MonthFebruary, Plain("فبراير")),
    (MonthMarch, Plain("مارس")),
    (MonthApril, Plain("أبريل")),
    (MonthMay, Plain("مايو")),
    (MonthJune, Plain("يونيو")),
    (MonthJuly, Plain("يوليو")),
    (MonthAugust, Plain("أغسطس")),
    (MonthSeptember, Plain("سبتمبر")),
    (MonthOctober, Plain("أكتوبر")),
    (MonthNovember, Plain("نوفمبر")),
    (MonthDecember, Plain("ديسمبر")),
    // Lists ("a, b and c"): the consent history and the documents view.
    (ListTwo, Plain("{a} و{b}")),
    (ListMany, Plain("{init} و{last}")),
    (ListSeparator, Plain("، ")),
];
