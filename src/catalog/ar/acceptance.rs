//! Arabic: the acceptance area (the same keys as `en/acceptance.rs`, in the same order).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plurals};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // Acceptance records.
    (
        AcceptedRecord,
        Plain("في {date} قبلتَ {title} (الإصدار {version}) {how}."),
    ),
    (
        AcceptedRecordPledges,
        Plurals {
            zero: "في {date} قبلتَ {title} (الإصدار {version}) {how}.",
            one: "في {date} قبلتَ {title} (الإصدار {version}) {how} وأكّدتَ التعهّد الوارد في \
                  المستند.",
            two: "في {date} قبلتَ {title} (الإصدار {version}) {how} وأكّدتَ التعهّدين الواردين \
                  في المستند.",
            few: "في {date} قبلتَ {title} (الإصدار {version}) {how} وأكّدتَ جميع التعهّدات \
                  الواردة في المستند، وعددها {n}.",
            many: "في {date} قبلتَ {title} (الإصدار {version}) {how} وأكّدتَ جميع التعهّدات \
                   الواردة في المستند، وعددها {n}.",
            other: "في {date} قبلتَ {title} (الإصدار {version}) {how} وأكّدتَ جميع التعهّدات \
                    الواردة في المستند، وعددها {n}.",
        },
    ),
    (AcceptedHowSignup, Plain("عند التسجيل")),
    (
        AcceptedHowSignupGuardian,
        Plain("عند التسجيل، بموافقة أحد الوالدين أو الوصي"),
    ),
    (AcceptedHowCourse, Plain("للدورة {course}")),
    (AcceptedHowPlatform, Plain("على {platform}")),
    (AcceptedHowAgain, Plain("مجددًا بعد تعديل المستند")),
    (
        AcceptedHowAgainCourse,
        Plain("مجددًا للدورة {course} بعد تعديل المستند"),
    ),
    (AcceptedHowApi, Plain("عبر {platform}")),
    (
        AcceptedHowApiCourse,
        Plain("عبر {platform} للدورة {course}"),
    ),
    (
        AcceptedOn,
        Plain("قبلتَ {title} (الإصدار {version}) في {date}"),
    ),
    (UpdatedSinceAccepted, Plain("طرأ تحديث منذ قبولك")),
    (ChangedSinceAccepted, Plain("ما الذي تغيّر منذ قبولك")),
    (NothingAccepted, Plain("لم تقبل أي شيء بعد.")),
    // Acceptance: the sign-up and the course page.
    (
        AcceptanceUnreadable,
        Plain("تعذّرت قراءة موافقاتك المحفوظة، لذا احتفظنا بنسخة منها ونطلب موافقتك مجددًا."),
    ),
    (
        AcceptanceMemoryOnly,
        Plain("تسري موافقاتك على هذه الزيارة فقط: لا يسمح هذا المتصفح للموقع بتخزينها."),
    ),
    (
        AcceptanceUnreadableMemoryOnly,
        Plain(
            "تعذّرت قراءة موافقاتك المحفوظة، وقد أُبقيت كما هي؛ وتسري موافقاتك على هذه الزيارة \
             فقط.",
        ),
    ),
    (SignupTitle, Plain("موافقاتك لدى {platform}")),
    (BirthDateLegend, Plain("تاريخ ميلادك")),
    (BirthDateLabel, Plain("تاريخ الميلاد")),
    (
        BirthDateHint,
        Plain("نستخدمه فقط للتحقق مما ينطبق عليك، ولا نحتفظ به."),
    ),
    (Continue, Plain("متابعة")),
    (BirthDateInvalid, Plain("أدخل تاريخ ميلادك كاملًا.")),
    (
        BirthDateNoSuchDay,
        Plain("هذا اليوم غير موجود: تحقَّق من اليوم والشهر."),
    ),
    (
        BirthDateFuture,
        Plain("هذا التاريخ في المستقبل: أدخل يوم ميلادك."),
    ),
    (BirthDateTooLongAgo, Plain("تحقَّق من سنة ميلادك.")),
    (ChangeBirthDate, Plain("تغيير تاريخ ميلادك")),
    (TooYoungTitle, Plain("لا يمكننا تسجيلك بعد")),
    (
        TooYoungText,
        Plain(
            "شكرًا على اهتمامك بمنصة {platform}. لا يمكنك إنشاء حساب بعد بسبب عمرك. وسيسعدنا \
             الترحيب بك عندما تكبر قليلًا.",
        ),
    ),
    (GuardianLegend, Plain("أحد الوالدين أو الوصي")),
    (
        GuardianConfirm,
        Plain(
            "أنا أحد والدَي هذا المتعلّم أو الوصي عليه: قرأتُ المستندات أدناه وأوافق عليها \
             نيابةً عنه.",
        ),
    ),
    (DocumentsLegend, Plain("اقرأ واقبل")),
    (
        DocumentMeta,
        Plain("الإصدار {version}، سارٍ اعتبارًا من {date}"),
    ),
    (ReadDocument, Plain("اقرأ {title}")),
    (AcceptDocument, Plain("قرأتُ وأقبل {title}")),
    (PledgesLegend, Plain("تعهّدات {title}: أكِّد كل تعهّد منها")),
    (SignupAccept, Plain("القبول والمتابعة")),
    (StillNeeded, Plain("لا يزال مطلوبًا: {list}.")),
    (MissingBirthDate, Plain("تاريخ ميلادك")),
    (MissingGuardian, Plain("تأكيد أحد الوالدين أو الوصي")),
    (MissingPledge, Plain("تأكيد التعهّد {pledge} من {title}")),
    (MissingDocument, Plain("قبول {title}")),
    (SignupDone, Plain("شكرًا لك: سُجِّلت موافقاتك.")),
    (BackToSignup, Plain("→ العودة إلى التسجيل")),
    (BackToPrompt, Plain("→ رجوع")),
    (DocumentLoading, Plain("جارٍ تحميل المستند…")),
    (
        DocumentLoadFailed,
        Plain("تعذّر تحميل المستند. تحقَّق من اتصالك، ثم عُد وافتحه مرة أخرى."),
    ),
    (CoursePromptTitle, Plain("قبل الأعمال المقيَّمة")),
    (AcceptButton, Plain("قبول")),
    (AcceptAgainButton, Plain("قبول الإصدار {version}")),
    (
        MaterialChangeIntro,
        Plain(
            "طرأ على {title} تغيير جوهري منذ قبولك الإصدار {version}. يُرجى قراءة ما تغيّر \
             وقبول المستند مجددًا.",
        ),
    ),
    (
        InvalidCourse,
        Plain(
            "لا يمكن عرض طلب القبول هذا: «{course}» ليس معرّف دورة صالحًا (من 1 إلى 64 حرفًا: \
             a–z، 0–9، -، _، .).",
        ),
    ),
    (ReadIt, Plain("اقرأ المستند")),
];
