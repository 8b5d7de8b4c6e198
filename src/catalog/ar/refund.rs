//! Arabic: the refund area (the same keys as `en/refund.rs`, in the same order), with
//! the refund reason. Counted days in the reason take the case their sentence needs
//! (يومان as a predicate, يومين after خلال/حتى).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plurals};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // Refund form: the questions' short names.
    (FieldKind, Plain("ما اشتريتَه")),
    (FieldVia, Plain("مكان الدفع")),
    (FieldPaidAt, Plain("تاريخ الدفع")),
    (FieldPreEnrolled, Plain("التسجيل المسبق")),
    (FieldLaunchAt, Plain("تاريخ الإطلاق")),
    (FieldCertificateEarnedAt, Plain("تاريخ الشهادة")),
    (FieldCustomWindowDays, Plain("مهلة الاسترداد")),
    (
        FieldFreeTrialEndsAt,
        Plain("نهاية الفترة التجريبية المجانية"),
    ),
    (FieldCancelledAt, Plain("تاريخ الإلغاء")),
    (FieldHonorCodeViolation, Plain("مخالفة مؤكَّدة")),
    // What was bought, where it was paid.
    (KindSubscriptionMonthly, Plain("اشتراك شهري")),
    (KindPlusSubscription, Plain("{platform_short} Plus (سنوي)")),
    (KindCourse, Plain("دورة")),
    (KindSpecialization, Plain("تخصص")),
    (KindGuidedProject, Plain("مشروع موجَّه")),
    (KindDegree, Plain("درجة علمية")),
    (KindUniversityCertificate, Plain("شهادة جامعية")),
    (KindOther, Plain("خدمة أخرى")),
    (
        ViaDirect,
        Plain("مباشرةً مع {platform} (بالبطاقة أو PayPal على موقعنا)"),
    ),
    (
        ViaAppStore,
        Plain("Apple App Store (في تطبيق iPhone أو iPad)"),
    ),
    (ViaGooglePlay, Plain("Google Play (في تطبيق Android)")),
    (
        ViaOrganization,
        Plain("عن طريق مؤسسة (جهة عمل، أو جهة حكومية، أو جامعة، أو برنامج للنفع الاجتماعي)"),
    ),
    // Problems at a question.
    (MissingPaidAt, Plain("أدخل تاريخ الدفع ووقته.")),
    (
        MissingCertificate,
        Plain("أدخل تاريخ حصولك على الشهادة، أو ألغِ تحديد المربع إن لم تحصل عليها."),
    ),
    (
        MissingCertificateSpecialization,
        Plain(
            "أدخل تاريخ حصولك على أول شهادة دورة في هذا التخصص، أو ألغِ تحديد المربع إن لم \
             تحصل عليها.",
        ),
    ),
    (
        MissingFreeTrialEnd,
        Plain(
            "أدخل تاريخ انتهاء الفترة التجريبية المجانية (أو التاريخ الذي انتهت فيه)، \
             أو ألغِ تحديد المربع إن لم تكن هناك فترة تجريبية مجانية.",
        ),
    ),
    (
        MissingCancelledAt,
        Plain("أدخل تاريخ الإلغاء أو طلب الاسترداد، أو ألغِ تحديد المربع إن لم تفعل ذلك بعد."),
    ),
    (
        MissingLaunchAt,
        Plain("أدخل تاريخ الإطلاق، أو اترك الحقل فارغًا إن لم يُعلَن عنه."),
    ),
    (
        NoSuchDate,
        Plain("هذا التاريخ غير موجود في التقويم. تحقَّق من اليوم والشهر."),
    ),
    (
        NoSuchTime,
        Plain("هذا الوقت من اليوم غير موجود. استخدم الساعات من 00 إلى 23 والدقائق من 00 إلى 59."),
    ),
    (
        IncompleteDateTime,
        Plain("أدخل التاريخ والوقت كاملين: اليوم والشهر والسنة والساعات والدقائق."),
    ),
    (
        UnreadableDateTime,
        Plain(
            "تعذّرت علينا قراءة هذا التاريخ والوقت. أدخل تاريخًا بين العامين 0001 و9999، مع \
             الساعات والدقائق.",
        ),
    ),
    (
        InvalidCustomWindow,
        Plain("أدخل مهلة الاسترداد عددًا صحيحًا من الأيام، مثل 7."),
    ),
    (
        NegativeCustomWindow,
        Plain("لا يمكن أن تكون مهلة الاسترداد عددًا سالبًا من الأيام."),
    ),
    (
        CustomWindowExceedsStandard,
        Plurals {
            zero: "لا يمكن أن تزيد المهلة الأقصر المذكورة عند التسجيل على {n} يوم، وهي المهلة \
                   القياسية. إن لم تُذكر مهلة أقصر، فألغِ تحديد المربع.",
            one: "لا يمكن أن تزيد المهلة الأقصر المذكورة عند التسجيل على يوم واحد، وهي المهلة \
                  القياسية. إن لم تُذكر مهلة أقصر، فألغِ تحديد المربع.",
            two: "لا يمكن أن تزيد المهلة الأقصر المذكورة عند التسجيل على يومين، وهي المهلة \
                  القياسية. إن لم تُذكر مهلة أقصر، فألغِ تحديد المربع.",
            few: "لا يمكن أن تزيد المهلة الأقصر المذكورة عند التسجيل على {n} أيام، وهي المهلة \
                  القياسية. إن لم تُذكر مهلة أقصر، فألغِ تحديد المربع.",
            many: "لا يمكن أن تزيد المهلة الأقصر المذكورة عند التسجيل على {n} يومًا، وهي المهلة \
                   القياسية. إن لم تُذكر مهلة أقصر، فألغِ تحديد المربع.",
            other: "لا يمكن أن تزيد المهلة الأقصر المذكورة عند التسجيل على {n} يوم، وهي المهلة \
                    القياسية. إن لم تُذكر مهلة أقصر، فألغِ تحديد المربع.",
        },
    ),
    (
        NowBeforePayment,
        Plain("تاريخ الدفع في المستقبل. أدخل التاريخ الذي دفعتَ فيه فعلًا."),
    ),
    (
        CertificateBeforePayment,
        Plain(
            "تاريخ الشهادة يسبق تاريخ الدفع. لا تُحتسب إلا الشهادة التي حصلتَ عليها بهذا \
             الدفع: تحقَّق من التاريخين.",
        ),
    ),
    (
        CertificateBeforePaymentSpecialization,
        Plain(
            "تاريخ الشهادة يسبق تاريخ الدفع. لا تُحتسب إلا أول شهادة دورة حصلتَ عليها في هذا \
             التخصص بهذا الدفع: تحقَّق من التاريخين.",
        ),
    ),
    (
        CertificateAfterNow,
        Plain("تاريخ الشهادة في المستقبل. أدخله بعد حصولك على الشهادة."),
    ),
    (
        CancelledBeforePayment,
        Plain(
            "تاريخ الإلغاء يسبق تاريخ الدفع: تحقَّق من التاريخين. إذا خُصم منك مبلغ بعد \
             الإلغاء، فهذا خطأ في الفوترة وليس استردادًا: تواصل مع فريق الدعم.",
        ),
    ),
    (
        CancelledAfterNow,
        Plain("تاريخ الإلغاء في المستقبل. أدخله بعد أن تُلغي أو تطلب استرداد المبلغ."),
    ),
    // The answer.
    (
        HeadlineCancelledInTime,
        Plain("يحق لك استرداد المبلغ كاملًا: ألغيتَ في الوقت المحدد"),
    ),
    (
        HeadlineUntil,
        Plain("يمكنك استرداد المبلغ كاملًا حتى {deadline} بتوقيتك"),
    ),
    (
        HeadlineOpen,
        Plain("يمكنك استرداد المبلغ كاملًا: المهلة لا تزال مفتوحة"),
    ),
    (
        HeadlineClosed,
        Plain("لا يمكن استرداد المبلغ: انتهت مهلة الاسترداد"),
    ),
    (HeadlineNotRefundable, Plain("غير قابل للاسترداد")),
    (HeadlineViolation, Plain("لا يحق لك استرداد المبلغ")),
    (
        HeadlineStore,
        Plain("المتجر هو من يقرّر، وليس {platform_short}"),
    ),
    (HeadlineOrganization, Plain("القرار لمؤسستك")),
    (HeadlineUniversity, Plain("القرار للجامعة")),
    (
        PolicyLine,
        Plain("إصدار السياسة {version}، سارٍ منذ {since}"),
    ),
    (ReadTheRule, Plain("اقرأ القاعدة: {section}")),
    (RuleNamed, Plain("القاعدة: {section}")),
    (WindowCloses, Plain("تنتهي مهلة الاسترداد")),
    (WindowClosed, Plain("انتهت مهلة الاسترداد")),
    (DeadlineZone, Plain("بتوقيتك ({zone})")),
    (TimeLeft, Plain("الوقت المتبقي")),
    (DurationLeft, Plain("يتبقى {duration}")),
    (DurationToSpare, Plain("كان قد تبقّى {duration} حين ألغيتَ")),
    (JudgedAt, Plain("وقت التقييم")),
    (JudgedAtCancellation, Plain("وقت الإلغاء أو الطلب: {time}")),
    (DurationUnderAMinute, Plain("أقل من دقيقة")),
    (
        DurationDays,
        Plurals {
            zero: "{n} يوم",
            one: "يوم واحد",
            two: "يومان",
            few: "{n} أيام",
            many: "{n} يومًا",
            other: "{n} يوم",
        },
    ),
    (
        DurationHours,
        Plurals {
            zero: "{n} ساعة",
            one: "ساعة واحدة",
            two: "ساعتان",
            few: "{n} ساعات",
            many: "{n} ساعة",
            other: "{n} ساعة",
        },
    ),
    (
        DurationMinutes,
        Plurals {
            zero: "{n} دقيقة",
            one: "دقيقة واحدة",
            two: "دقيقتان",
            few: "{n} دقائق",
            many: "{n} دقيقة",
            other: "{n} دقيقة",
        },
    ),
    (DurationPair, Plain("{first} و{second}")),
    // Section titles of the default Refund Policy.
    (SectionWindowsMeasured, Plain("كيف تُحتسب مهل الاسترداد")),
    (SectionMonthlySubscriptions, Plain("الاشتراكات الشهرية")),
    (SectionPlus, Plain("اشتراك {platform_short} Plus")),
    (SectionCourses, Plain("الدورات والتخصصات")),
    (SectionPreEnrolment, Plain("التسجيل المسبق")),
    (SectionShorterWindows, Plain("مهل الاسترداد الأقصر")),
    (SectionGuidedProjects, Plain("المشاريع الموجَّهة")),
    (SectionDegrees, Plain("الدرجات العلمية والشهادات الجامعية")),
    (SectionAppStores, Plain("المشتريات من متاجر التطبيقات")),
    (SectionOrganizations, Plain("المشتريات عن طريق مؤسسة")),
    (SectionOtherServices, Plain("الخدمات الأخرى")),
    (SectionViolations, Plain("مخالفة سياساتنا")),
    (SectionHowToAsk, Plain("كيف تطلب استرداد المبلغ")),
    (SectionFallback, Plain("سياسة الاسترداد")),
    // The timeline.
    (MarkPaid, Plain("الدفع")),
    (MarkLaunch, Plain("الإطلاق")),
    (MarkCertificate, Plain("الشهادة")),
    (MarkCancelled, Plain("الإلغاء")),
    (MarkDeadline, Plain("انتهاء المهلة")),
    (MarkNow, Plain("الآن")),
    (TimelineMoment, Plain("{mark} في {time}")),
    (TimelineMomentSeparator, Plain("؛ ")),
    (TimelineLabel, Plain("المخطط الزمني. {moments}.")),
    (
        TimelineCaption,
        Plain("المخطط الزمني من الدفع حتى الآن. يمثّل الشريط مهلة الاسترداد."),
    ),
    // The calculator.
    (RefundCalculator, Plain("حاسبة الاسترداد")),
    (
        RefundIntro,
        Plain(
            "أجب عن بضعة أسئلة لتعرف هل يحق لك استرداد المبلغ كاملًا وحتى متى. الأوقات \
             بمنطقتك الزمنية ({zone}). لا يغادر أيٌّ مما تُدخله متصفحك.",
        ),
    ),
    (GroupPurchase, Plain("مشترياتك")),
    (GroupAboutCourse, Plain("عن الدورة")),
    (GroupAboutSpecialization, Plain("عن التخصص")),
    (GroupAboutSubscription, Plain("عن الاشتراك")),
    (GroupAboutService, Plain("عن الخدمة")),
    (GroupConduct, Plain("الإلغاء والسلوك")),
    (AskKind, Plain("ماذا اشتريتَ؟")),
    (AskVia, Plain("أين دفعتَ؟")),
    (AskPaidAt, Plain("متى دفعتَ؟")),
    (
        HintPaidAtRenewal,
        Plain("في حالة التجديد، تاريخ رسوم ذلك التجديد."),
    ),
    (
        HintPaidAtReceipt,
        Plain("التاريخ والوقت المذكوران في إيصالك."),
    ),
    (AskZone, Plain("(بتوقيتك، {zone})")),
    (AskPreEnrolled, Plain("دفعتُ قبل إطلاقها (تسجيل مسبق)")),
    (
        AskPreEnrolledSpecialization,
        Plain("دفعتُ قبل إطلاق أول دورة فيه (تسجيل مسبق)"),
    ),
    (AskLaunchAt, Plain("تاريخ الإطلاق")),
    (
        HintLaunchAt,
        Plain("اترك الحقل فارغًا إن لم يُعلَن عن تاريخ الإطلاق بعد."),
    ),
    (AskCertificate, Plain("حصلتُ على شهادة الدورة بعد الدفع")),
    (
        AskCertificateSpecialization,
        Plain("حصلتُ على شهادة دورة في إحدى دوراته بعد الدفع"),
    ),
    (AskCertificateAt, Plain("متى حصلتَ عليها؟")),
    (AskServiceWindow, Plain("ذُكرت مهلة استرداد لهذه الخدمة")),
    (
        AskServiceWindowDays,
        Plain("المهلة المذكورة لتلك الخدمة (بالأيام)"),
    ),
    (
        HintServiceWindow,
        Plain("كما ظهرت عند التسجيل أو في إيصالك."),
    ),
    (AskShorterWindow, Plain("ذُكرت مهلة استرداد أقصر عند تسجيلي")),
    (
        AskShorterWindowDays,
        Plain("مهلة الاسترداد المذكورة عند التسجيل (بالأيام)"),
    ),
    (HintShorterWindow, Plain("تظهر في صفحة الالتحاق قبل الدفع.")),
    (
        HintShorterWindowLimit,
        Plurals {
            zero: "تظهر في صفحة الالتحاق قبل الدفع. ولا يمكن أن تزيد على {n} يوم.",
            one: "تظهر في صفحة الالتحاق قبل الدفع. ولا يمكن أن تزيد على يوم واحد.",
            two: "تظهر في صفحة الالتحاق قبل الدفع. ولا يمكن أن تزيد على يومين.",
            few: "تظهر في صفحة الالتحاق قبل الدفع. ولا يمكن أن تزيد على {n} أيام.",
            many: "تظهر في صفحة الالتحاق قبل الدفع. ولا يمكن أن تزيد على {n} يومًا.",
            other: "تظهر في صفحة الالتحاق قبل الدفع. ولا يمكن أن تزيد على {n} يوم.",
        },
    ),
    (AskFreeTrial, Plain("بدأ هذا الاشتراك بفترة تجريبية مجانية")),
    (
        AskFreeTrialEnd,
        Plain("متى تنتهي (أو انتهت) الفترة التجريبية المجانية؟"),
    ),
    (AskCancelled, Plain("ألغيتُ بالفعل أو طلبتُ استرداد المبلغ")),
    (AskCancelledAt, Plain("متى ألغيتَ أو قدّمتَ الطلب؟")),
    (
        HintCancelledAt,
        Plain("تُقيَّم الإجابة في تلك اللحظة بدلًا من الآن."),
    ),
    (
        AskViolation,
        Plain(
            "أكّدت {platform} وقوع مخالفة لشروط الاستخدام أو سياسة الاستخدام المقبول أو \
             ميثاق الشرف على هذا الحساب",
        ),
    ),
    (
        HintViolation,
        Plain(
            "لا تحدد هذا المربع إلا إذا أبلغتك {platform} بتأكيد وقوع مخالفة. ولا يُعدّ \
             سؤالك عن أمر ما، أو بلاغٌ لا يزال قيد المراجعة، مخالفةً مؤكَّدة.",
        ),
    ),
    (
        ShiftedTime,
        Plain(
            "هذا الوقت غير موجود في منطقتك الزمنية في ذلك اليوم (بسبب تغيير التوقيت)، لذا \
             يُقرأ على أنه {time}.",
        ),
    ),
    (
        RepeatedTimeFirst,
        Plain(
            "يتكرر هذا الوقت مرتين في ذلك اليوم في منطقتك الزمنية، لأن الساعة أُرجعت إلى \
             الوراء. ويُقرأ على أنه المرة الأولى، {time}.",
        ),
    ),
    (
        RepeatedTimeSecond,
        Plain(
            "يتكرر هذا الوقت مرتين في ذلك اليوم في منطقتك الزمنية، لأن الساعة أُرجعت إلى \
             الوراء. ويُقرأ على أنه المرة الثانية، {time}.",
        ),
    ),
    (UseSecondTime, Plain("استخدم المرة الثانية ({time})")),
    (UseFirstTime, Plain("استخدم المرة الأولى ({time})")),
    (
        RefundPrompt,
        Plain("أدخل تاريخ الدفع ووقته لتعرف هل يحق لك استرداد المبلغ كاملًا، وحتى متى."),
    ),
    (
        ProblemsTitle,
        Plurals {
            zero: "هناك بعض الأمور التي يجب التحقق منها قبل أن نتمكن من الإجابة:",
            one: "هناك أمر واحد يجب التحقق منه قبل أن نتمكن من الإجابة:",
            two: "هناك أمران يجب التحقق منهما قبل أن نتمكن من الإجابة:",
            few: "هناك بعض الأمور التي يجب التحقق منها قبل أن نتمكن من الإجابة:",
            many: "هناك بعض الأمور التي يجب التحقق منها قبل أن نتمكن من الإجابة:",
            other: "هناك بعض الأمور التي يجب التحقق منها قبل أن نتمكن من الإجابة:",
        },
    ),
    (ProblemItem, Plain("{field}: {message}")),
    (CardLabel, Plain("الاسترداد")),
    (CardFailed, Plain("تعذّر عرض إجابة الاسترداد")),
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
];
