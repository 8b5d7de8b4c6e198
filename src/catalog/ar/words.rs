//! Arabic: the words area (the same keys as `en/words.rs`, in the same order): the refund
//! reason, the consent history in words and the consent storage notices. Counted days
//! take the case their sentence needs (يومان as a predicate, يومين after خلال/حتى).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plurals};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // The refund reason.
    (WhyWhen, Plain("{date} الساعة {time} (UTC)")),
    (
        WhyGooglePlay,
        Plain(
            "اشتريت هذا عبر Google Play، لذا تُطبَّق سياسة الاسترداد الخاصة به بدلًا من سياستنا، وتتولى Google عمليات الاسترداد. اطلب الاسترداد من Google.",
        ),
    ),
    (
        WhyAppStore,
        Plain(
            "اشتريت هذا عبر App Store، لذا تُطبَّق سياسة الاسترداد الخاصة به بدلًا من سياستنا، وتتولى Apple عمليات الاسترداد. اطلب الاسترداد من Apple.",
        ),
    ),
    (
        WhyMarketplaceChannel,
        Plain(
            "اشتريت هذا عبر متجر خارجي، لذا تُطبَّق سياسة الاسترداد الخاصة به بدلًا من سياستنا، ويتولى المتجر عمليات الاسترداد. اطلب الاسترداد من المتجر.",
        ),
    ),
    (
        WhyOrganization,
        Plain(
            "حصلت على هذا عن طريق مؤسستك (جهة عمل أو جهة حكومية أو جامعة أو برنامج للصالح الاجتماعي)، لذا يخضع الاسترداد والإلغاء لعقدها معنا. اسأل مؤسستك عن الاسترداد.",
        ),
    ),
    (
        WhyPartner,
        Plain(
            "يحدد الشريك الجامعي الذي يقدّم البرنامج قواعد استرداد مبالغ {kinds} ويتولاها. اسأل الجامعة عن الاسترداد.",
        ),
    ),
    (
        WhySoldThroughMarketplace,
        Plain("يتولى المتجر الذي تُباع عبره {kinds} استرداد مبالغها. اسأل المتجر عن الاسترداد."),
    ),
    (
        WhyViolation,
        Plain(
            "ثبت انتهاك لشروط الاستخدام أو سياسة الاستخدام المقبول أو ميثاق الشرف، لذا لا يحق لك استرداد المبلغ، حتى خلال مدة الاسترداد. ومع ذلك قد نقرر ردّ المبلغ.",
        ),
    ),
    (
        WhyMonthlyNotRefunded,
        Plain(
            "لا تُستردّ مدفوعات الاشتراك الشهري. يوقف الإلغاء الخصم التالي، ويبقى وصولك متاحًا حتى نهاية الشهر الذي دفعت مقابله.",
        ),
    ),
    (WhyNotRefunded, Plain("لا تُستردّ مبالغ {kinds}.")),
    (
        WhyFreeTrial,
        Plain("قُدِّمت فترة تجريبية مجانية مع {this} بدلًا من مدة للاسترداد، لذا لا تُستردّ المدفوعات."),
    ),
    (
        WhyNoStatedWindow,
        Plain("لم تُحدَّد مدة للاسترداد لهذه الخدمة عند تسجيلك، لذا لا تُستردّ مبالغها."),
    ),
    (WhyWindow, Plain("{rule}{ending} {verdict}")),
    (
        WhyStated,
        Plurals {
            zero: "دفعت في {paid}. مدة الاسترداد المحددة لهذه الخدمة هي {n} يوم بعد الدفع",
            one: "دفعت في {paid}. مدة الاسترداد المحددة لهذه الخدمة هي يوم واحد بعد الدفع",
            two: "دفعت في {paid}. مدة الاسترداد المحددة لهذه الخدمة هي يومان بعد الدفع",
            few: "دفعت في {paid}. مدة الاسترداد المحددة لهذه الخدمة هي {n} أيام بعد الدفع",
            many: "دفعت في {paid}. مدة الاسترداد المحددة لهذه الخدمة هي {n} يومًا بعد الدفع",
            other: "دفعت في {paid}. مدة الاسترداد المحددة لهذه الخدمة هي {n} يوم بعد الدفع",
        },
    ),
    (
        WhyShorter,
        Plurals {
            zero: "دفعت في {paid}. عند التسجيل في {this} حُدِّدت مدة استرداد أقصر: {n} يوم بعد الدفع",
            one: "دفعت في {paid}. عند التسجيل في {this} حُدِّدت مدة استرداد أقصر: يوم واحد بعد الدفع",
            two: "دفعت في {paid}. عند التسجيل في {this} حُدِّدت مدة استرداد أقصر: يومان بعد الدفع",
            few: "دفعت في {paid}. عند التسجيل في {this} حُدِّدت مدة استرداد أقصر: {n} أيام بعد الدفع",
            many: "دفعت في {paid}. عند التسجيل في {this} حُدِّدت مدة استرداد أقصر: {n} يومًا بعد الدفع",
            other: "دفعت في {paid}. عند التسجيل في {this} حُدِّدت مدة استرداد أقصر: {n} يوم بعد الدفع",
        },
    ),
    (
        WhyStandard,
        Plurals {
            zero: "دفعت في {paid}. يمكن استرداد مبالغ {kinds} خلال {n} يوم بعد الدفع",
            one: "دفعت في {paid}. يمكن استرداد مبالغ {kinds} خلال يوم واحد بعد الدفع",
            two: "دفعت في {paid}. يمكن استرداد مبالغ {kinds} خلال يومين بعد الدفع",
            few: "دفعت في {paid}. يمكن استرداد مبالغ {kinds} خلال {n} أيام بعد الدفع",
            many: "دفعت في {paid}. يمكن استرداد مبالغ {kinds} خلال {n} يومًا بعد الدفع",
            other: "دفعت في {paid}. يمكن استرداد مبالغ {kinds} خلال {n} يوم بعد الدفع",
        },
    ),
    (
        WhyLaunchedFirst,
        Plurals {
            zero: "دفعت في {paid}، وكان إطلاق {what} قد تم بالفعل، لذا لا ينطبق التسجيل المسبق. يمكن استرداد مبالغ {kinds} خلال {n} يوم بعد الدفع",
            one: "دفعت في {paid}، وكان إطلاق {what} قد تم بالفعل، لذا لا ينطبق التسجيل المسبق. يمكن استرداد مبالغ {kinds} خلال يوم واحد بعد الدفع",
            two: "دفعت في {paid}، وكان إطلاق {what} قد تم بالفعل، لذا لا ينطبق التسجيل المسبق. يمكن استرداد مبالغ {kinds} خلال يومين بعد الدفع",
            few: "دفعت في {paid}، وكان إطلاق {what} قد تم بالفعل، لذا لا ينطبق التسجيل المسبق. يمكن استرداد مبالغ {kinds} خلال {n} أيام بعد الدفع",
            many: "دفعت في {paid}، وكان إطلاق {what} قد تم بالفعل، لذا لا ينطبق التسجيل المسبق. يمكن استرداد مبالغ {kinds} خلال {n} يومًا بعد الدفع",
            other: "دفعت في {paid}، وكان إطلاق {what} قد تم بالفعل، لذا لا ينطبق التسجيل المسبق. يمكن استرداد مبالغ {kinds} خلال {n} يوم بعد الدفع",
        },
    ),
    (
        WhyFromLaunch,
        Plurals {
            zero: "سجّلت مسبقًا في {paid}، قبل إطلاق {what} في {launch}. تستمر مدة الاسترداد حتى {n} يوم بعد الإطلاق (قد تتغير مواعيد الإطلاق، وقد يتغير هذا الموعد النهائي معها)",
            one: "سجّلت مسبقًا في {paid}، قبل إطلاق {what} في {launch}. تستمر مدة الاسترداد حتى يوم واحد بعد الإطلاق (قد تتغير مواعيد الإطلاق، وقد يتغير هذا الموعد النهائي معها)",
            two: "سجّلت مسبقًا في {paid}، قبل إطلاق {what} في {launch}. تستمر مدة الاسترداد حتى يومين بعد الإطلاق (قد تتغير مواعيد الإطلاق، وقد يتغير هذا الموعد النهائي معها)",
            few: "سجّلت مسبقًا في {paid}، قبل إطلاق {what} في {launch}. تستمر مدة الاسترداد حتى {n} أيام بعد الإطلاق (قد تتغير مواعيد الإطلاق، وقد يتغير هذا الموعد النهائي معها)",
            many: "سجّلت مسبقًا في {paid}، قبل إطلاق {what} في {launch}. تستمر مدة الاسترداد حتى {n} يومًا بعد الإطلاق (قد تتغير مواعيد الإطلاق، وقد يتغير هذا الموعد النهائي معها)",
            other: "سجّلت مسبقًا في {paid}، قبل إطلاق {what} في {launch}. تستمر مدة الاسترداد حتى {n} يوم بعد الإطلاق (قد تتغير مواعيد الإطلاق، وقد يتغير هذا الموعد النهائي معها)",
        },
    ),
    (
        WhyNoLaunchYet,
        Plurals {
            zero: "سجّلت مسبقًا في {paid}، ولم يُحدَّد بعد موعد لإطلاق {what}. تبقى مدة الاسترداد مفتوحة حتى {n} يوم بعد الإطلاق",
            one: "سجّلت مسبقًا في {paid}، ولم يُحدَّد بعد موعد لإطلاق {what}. تبقى مدة الاسترداد مفتوحة حتى يوم واحد بعد الإطلاق",
            two: "سجّلت مسبقًا في {paid}، ولم يُحدَّد بعد موعد لإطلاق {what}. تبقى مدة الاسترداد مفتوحة حتى يومين بعد الإطلاق",
            few: "سجّلت مسبقًا في {paid}، ولم يُحدَّد بعد موعد لإطلاق {what}. تبقى مدة الاسترداد مفتوحة حتى {n} أيام بعد الإطلاق",
            many: "سجّلت مسبقًا في {paid}، ولم يُحدَّد بعد موعد لإطلاق {what}. تبقى مدة الاسترداد مفتوحة حتى {n} يومًا بعد الإطلاق",
            other: "سجّلت مسبقًا في {paid}، ولم يُحدَّد بعد موعد لإطلاق {what}. تبقى مدة الاسترداد مفتوحة حتى {n} يوم بعد الإطلاق",
        },
    ),
    (WhyLaunchCourse, Plain("الدورة")),
    (WhyLaunchSpecialization, Plain("الدورة الأولى من التخصص")),
    (WhyLaunchOther, Plain("ما اشتريته")),
    (WhyCertificateCourse, Plain("شهادة الدورة الخاصة بك")),
    (
        WhyCertificateSpecialization,
        Plain("أول شهادة دورة لك في هذا التخصص"),
    ),
    (WhyCertificateOther, Plain("شهادة")),
    (
        WhyEndCertificateAtPayment,
        Plain(". حصلت على {certificate} لحظة الدفع، لذا لم تكن هناك مدة للاسترداد."),
    ),
    (
        WhyEndCertificate,
        Plain(". حصلت على {certificate} في {earned}، وهو ما أنهى مدة الاسترداد حينها."),
    ),
    (
        WhyEndAfterLastInstant,
        Plain("، وهذا بعد عام 9999، لذا تبقى المدة مفتوحة في كل تاريخ يمكن الحكم عليه."),
    ),
    (WhyEndNoWindow, Plain("، لذا لا توجد مدة للاسترداد.")),
    (WhyEndCloses, Plain("، لذا تنتهي المدة في {end}.")),
    (WhyEndNotKnown, Plain(".")),
    (
        WhyCancelledInTime,
        Plain("ألغيت في {as_of}، قبل انتهاء المدة بـ{duration}، لذا يحق لك استرداد المبلغ كاملًا."),
    ),
    (
        WhyOnStillOpen,
        Plain(
            "في {as_of} لا تزال المدة مفتوحة (المتبقي: {duration})، لذا يحق لك استرداد المبلغ كاملًا.",
        ),
    ),
    (
        WhyCancelledWhileOpen,
        Plain("ألغيت في {as_of} بينما كانت المدة مفتوحة، لذا يحق لك استرداد المبلغ كاملًا."),
    ),
    (
        WhyOnOpen,
        Plain("في {as_of} تكون المدة مفتوحة، لذا يحق لك استرداد المبلغ كاملًا."),
    ),
    (
        WhyCancelledNoWindow,
        Plain("ألغيت في {as_of}، لذا لا يحق لك أي استرداد."),
    ),
    (WhyOnNoWindow, Plain("لذا لا يحق لك أي استرداد في {as_of}.")),
    (
        WhyCancelledAfterClose,
        Plain("ألغيت في {as_of} بعد انتهاء المدة، لذا لا يحق لك أي استرداد."),
    ),
    (
        WhyOnClosed,
        Plain("في {as_of} تكون المدة قد انتهت، لذا لا يحق لك أي استرداد."),
    ),
    (WhyThisMonthly, Plain("هذا الاشتراك الشهري")),
    (WhyThisPlus, Plain("اشتراك Plus هذا")),
    (WhyThisCourse, Plain("هذه الدورة")),
    (WhyThisSpecialization, Plain("هذا التخصص")),
    (WhyThisGuidedProject, Plain("هذا المشروع الموجّه")),
    (WhyThisDegree, Plain("هذه الدرجة العلمية")),
    (WhyThisUniversityCertificate, Plain("هذه الشهادة الجامعية")),
    (WhyThisOther, Plain("هذه الخدمة")),
    (WhyAllMonthly, Plain("الاشتراكات الشهرية")),
    (WhyAllPlus, Plain("اشتراكات Plus")),
    (WhyAllCourse, Plain("الدورات")),
    (WhyAllSpecialization, Plain("التخصصات")),
    (WhyAllGuidedProject, Plain("المشاريع الموجّهة")),
    (WhyAllDegree, Plain("الدرجات العلمية")),
    (WhyAllUniversityCertificate, Plain("الشهادات الجامعية")),
    (WhyAllOther, Plain("الخدمات الأخرى")),
    (WhyKindsMonthly, Plain("الاشتراكات الشهرية")),
    (WhyKindsPlus, Plain("اشتراكات Plus")),
    (WhyKindsCourse, Plain("الدورات")),
    (WhyKindsSpecialization, Plain("التخصصات")),
    (WhyKindsGuidedProject, Plain("المشاريع الموجّهة")),
    (WhyKindsDegree, Plain("الدرجات العلمية")),
    (WhyKindsUniversityCertificate, Plain("الشهادات الجامعية")),
    (WhyKindsOther, Plain("الخدمات الأخرى")),
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
];
