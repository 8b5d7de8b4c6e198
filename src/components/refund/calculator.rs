//! The refund calculator: the questions that matter for the purchase, and the answer as
//! the learner types.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::catalog::{Catalog, Msg};
use crate::components::use_catalog;
use crate::domain::refund::form::{
    FormEdit, FormField, Problem, RefundForm, canonical_local_input, form_message, kind_label,
    parse_local_input, via_label,
};
use crate::domain::refund::local_time::{Occurrence, WallClock};
use crate::domain::refund::{CustomWindow, Kind, Outcome, RefundError, RefundPolicy, Via};
use crate::platform::language;
use crate::platform::localtime::{self, LearnerZone};

use super::timeline::timeline_view;
use super::use_now;
use super::verdict::{Detail, RuleLinks, verdict_view};

/// Ids of calculators mounted so far, so two on one page never share element ids.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// Props of [`RefundCalculator`].
#[derive(Properties, PartialEq, Clone)]
pub struct RefundCalculatorProps {
    /// The rules to apply (usually `RefundPolicy::default()`).
    pub policy: Rc<RefundPolicy>,
    /// Called with `refund-policy/<clause>` when the learner opens the rule behind the
    /// answer (a plain left click on "Read the rule: …").
    pub on_open_clause: Callback<String>,
    /// Sections the rules name that the Refund Policy lacks: an answer resting on one shows
    /// the rule's name without a link (the bundle problem says why).
    #[prop_or_default]
    pub unlinked: Rc<Vec<String>>,
    /// The Refund Policy's section headings as `(slug, text)`: "Read the rule: …" names
    /// a section as the document the link opens titles it (else by the catalog).
    #[prop_or_default]
    pub section_titles: Rc<Vec<(String, String)>>,
}

/// The form's state as a `Reducible`: the learner's answers.
#[derive(Debug, Clone, PartialEq, Default)]
struct FormState(RefundForm);

impl Reducible for FormState {
    type Action = FormEdit;

    fn reduce(self: Rc<Self>, action: FormEdit) -> Rc<Self> {
        let mut form = self.0.clone();
        form.apply(action);
        Rc::new(FormState(form))
    }
}

/// A field's accessible description: the ids of its hint and error message, and whether
/// it is invalid.
struct Described {
    hint_id: String,
    error_id: String,
    hint: Option<String>,
    error: Option<String>,
}

impl Described {
    fn describedby(&self) -> Option<String> {
        let ids: Vec<&str> = [
            self.error.as_ref().map(|_| self.error_id.as_str()),
            self.hint.as_ref().map(|_| self.hint_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn invalid(&self) -> Option<AttrValue> {
        self.error.as_ref().map(|_| AttrValue::Static("true"))
    }

    fn messages(&self) -> Html {
        html! {
            <>
                if let Some(hint) = &self.hint {
                    <p id={self.hint_id.clone()} class="tw-refund-hint">{ hint.clone() }</p>
                }
                if let Some(error) = &self.error {
                    <p id={self.error_id.clone()} class="tw-refund-field-error">{ error.clone() }</p>
                }
            </>
        }
    }
}

/// Whether a problem is only "you haven't entered the payment date yet": shown as a
/// prompt, not as an error.
fn is_prompt(problem: &Problem) -> bool {
    problem.field == FormField::PaidAt
        && matches!(
            problem.error,
            RefundError::MissingField { field: "paid_at" }
        )
}

/// A note when the browser had to move a local time that does not exist (clocks going
/// forward): the learner sees which time was used.
fn shifted_note(cat: &Catalog, value: &str) -> Option<String> {
    let typed = canonical_local_input(value.trim())?;
    let utc = localtime::local_input_to_utc(&typed)?;
    let used = localtime::utc_to_local_input(utc);
    (used != typed && parse_local_input(&used).is_ok()).then(|| {
        cat.with(
            Msg::ShiftedTime,
            &[("time", &language::local_date_time(cat, utc))],
        )
    })
}

/// What the form says of a local time the clocks repeat (they went back): which of the
/// two instants it is read as, and a button for the other.
struct Repeated {
    note: String,
    switch: String,
    other: Occurrence,
}

fn repeated_time(cat: &Catalog, value: &str, chosen: Occurrence) -> Option<Repeated> {
    let instants = LearnerZone.instants(value.trim());
    let (&first, &second) = (instants.first()?, instants.get(1)?);
    let shown = |t| {
        format!(
            "{} ({})",
            language::local_date_time(cat, t),
            language::utc_date_time(cat, t)
        )
    };
    Some(match chosen {
        Occurrence::First => Repeated {
            note: cat.with(Msg::RepeatedTimeFirst, &[("time", &shown(first))]),
            switch: cat.with(Msg::UseSecondTime, &[("time", &shown(second))]),
            other: Occurrence::Second,
        },
        Occurrence::Second => Repeated {
            note: cat.with(Msg::RepeatedTimeSecond, &[("time", &shown(second))]),
            switch: cat.with(Msg::UseFirstTime, &[("time", &shown(first))]),
            other: Occurrence::First,
        },
    })
}

/// The answer the learner reads while filling in the form, or a learner-facing summary of
/// what is missing or wrong. Every error code of the contract has its message at the
/// question it concerns, marked `aria-invalid`.
#[component]
pub fn RefundCalculator(props: &RefundCalculatorProps) -> Html {
    let form = use_reducer(FormState::default);
    let now = use_now();
    let cat = use_catalog();
    let cat = &*cat;
    let base = use_memo((), |_| {
        format!("tw-refund-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
    });
    let zone = use_memo((), |_| localtime::time_zone_name());
    let root = use_node_ref();

    let policy = &props.policy;
    let answers = &form.0;
    let result = answers.evaluate(*now, policy, LearnerZone);
    let problems: Vec<Problem> = match &result {
        Ok(_) => Vec::new(),
        Err(problems) => problems.clone(),
    };
    let kind = answers.kind;
    let asks = |field| answers.asks(field, policy);

    // Every edit reads the clock again, so the answer is about this moment.
    let edit = {
        let dispatcher = form.dispatcher();
        let now = now.clone();
        Callback::from(move |change: FormEdit| {
            now.set(localtime::now());
            dispatcher.dispatch(change);
        })
    };
    let text_input = |make: fn(String) -> FormEdit| {
        let edit = edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                edit.emit(make(input.value()));
            }
        })
    };
    let check_input = |make: fn(bool) -> FormEdit| {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                edit.emit(make(input.checked()));
            }
        })
    };
    let id = |field: FormField| format!("{base}-{}", field.name());
    let describe = |field: FormField, hint: Option<String>| {
        let error = problems
            .iter()
            .find(|p| p.field == field && !is_prompt(p))
            .map(|p| form_message(cat, &p.error, kind));
        Described {
            hint_id: format!("{}-hint", id(field)),
            error_id: format!("{}-error", id(field)),
            hint,
            error,
        }
    };
    let max_now = localtime::utc_to_local_input(*now);
    let your_time = cat.with(Msg::AskZone, &[("zone", &zone)]);

    // A datetime-local question.
    let datetime = |field: FormField,
                    label: &str,
                    value: &str,
                    hint: Option<String>,
                    make: fn(String) -> FormEdit,
                    in_past: bool| {
        let repeated = repeated_time(cat, value, answers.occurrence(field));
        let note = shifted_note(cat, value).or_else(|| repeated.as_ref().map(|r| r.note.clone()));
        let hint = match (note, hint) {
            (Some(note), Some(hint)) => Some(format!("{hint} {note}")),
            (note, hint) => note.or(hint),
        };
        let d = describe(field, hint);
        let other = repeated.map(|r| {
            let onclick = {
                let edit = edit.clone();
                let other = r.other;
                Callback::from(move |_: MouseEvent| edit.emit(FormEdit::Occurrence(field, other)))
            };
            html! {
                <button type="button" class="tw-link-button tw-refund-occurrence" {onclick}>
                    { r.switch }
                </button>
            }
        });
        html! {
            <div class="tw-refund-field tw-refund-field-time" data-field={field.name()}>
                <label for={id(field)}>
                    { label.to_owned() }
                    {" "}<span class="tw-refund-zone">{ your_time.clone() }</span>
                </label>
                <input type="datetime-local" id={id(field)} name={field.name()}
                    class="tw-refund-input"
                    value={value.to_owned()}
                    max={in_past.then(|| max_now.clone())}
                    aria-invalid={d.invalid()}
                    aria-describedby={d.describedby()}
                    oninput={text_input(make)} />
                { d.messages() }
                { other }
            </div>
        }
    };
    // A yes/no question.
    let checkbox = |field: &str, label: String, checked: bool, make: fn(bool) -> FormEdit| {
        let input_id = format!("{base}-{field}-check");
        html! {
            <div class="tw-refund-field tw-refund-check" data-check={field.to_owned()}>
                <input type="checkbox" id={input_id.clone()} name={format!("{field}_check")}
                    checked={checked} onchange={check_input(make)} />
                <label for={input_id}>{ label }</label>
            </div>
        }
    };

    // What, where, when.
    let on_kind = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>()
                && let Some(kind) = Kind::from_name(&select.value())
            {
                edit.emit(FormEdit::Kind(kind));
            }
        })
    };
    let kind_field = html! {
        <div class="tw-refund-field" data-field="kind">
            <label for={id(FormField::Kind)}>{ cat.text(Msg::AskKind) }</label>
            <select id={id(FormField::Kind)} name="kind" class="tw-refund-input" onchange={on_kind}>
                { for Kind::ALL.into_iter().map(|k| html! {
                    <option value={k.as_str()} selected={k == kind}>{ kind_label(cat, k) }</option>
                }) }
            </select>
        </div>
    };
    let via_field = html! {
        <fieldset class="tw-refund-choices" data-field="via">
            <legend>{ cat.text(Msg::AskVia) }</legend>
            { for Via::ALL.into_iter().map(|via| {
                let radio_id = format!("{base}-via-{}", via.as_str());
                let onchange = {
                    let edit = edit.clone();
                    Callback::from(move |_: Event| edit.emit(FormEdit::Via(via)))
                };
                html! {
                    <div class="tw-refund-choice">
                        <input type="radio" id={radio_id.clone()} name={format!("{base}-via")}
                            value={via.as_str()} checked={via == answers.via} {onchange} />
                        <label for={radio_id}>{ via_label(cat, via) }</label>
                    </div>
                }
            }) }
        </fieldset>
    };
    let paid_field = datetime(
        FormField::PaidAt,
        &cat.text(Msg::AskPaidAt),
        &answers.paid_at,
        Some(cat.text(match kind {
            Kind::SubscriptionMonthly | Kind::PlusSubscription => Msg::HintPaidAtRenewal,
            _ => Msg::HintPaidAtReceipt,
        })),
        FormEdit::PaidAt,
        true,
    );

    // About the purchase.
    let specialization = kind == Kind::Specialization;
    let mut details: Vec<Html> = Vec::new();
    if asks(FormField::PreEnrolled) {
        details.push(checkbox(
            "pre_enrolled",
            cat.text(if specialization {
                Msg::AskPreEnrolledSpecialization
            } else {
                Msg::AskPreEnrolled
            }),
            answers.pre_enrolled,
            FormEdit::PreEnrolled,
        ));
        if answers.pre_enrolled && asks(FormField::LaunchAt) {
            details.push(datetime(
                FormField::LaunchAt,
                &cat.text(Msg::AskLaunchAt),
                &answers.launch_at,
                Some(cat.text(Msg::HintLaunchAt)),
                FormEdit::LaunchAt,
                false,
            ));
        }
    }
    if asks(FormField::CertificateEarnedAt) {
        let label = cat.text(if specialization {
            Msg::AskCertificateSpecialization
        } else {
            Msg::AskCertificate
        });
        details.push(checkbox(
            "certificate_earned",
            label,
            answers.certificate_earned,
            FormEdit::CertificateEarned,
        ));
        if answers.certificate_earned {
            details.push(datetime(
                FormField::CertificateEarnedAt,
                &cat.text(Msg::AskCertificateAt),
                &answers.certificate_earned_at,
                None,
                FormEdit::CertificateEarnedAt,
                true,
            ));
        }
    }
    if asks(FormField::CustomWindowDays) {
        let required = policy.kinds.get(kind).custom_window == CustomWindow::Required;
        let (check, label, hint) = if required {
            (
                Msg::AskServiceWindow,
                Msg::AskServiceWindowDays,
                cat.text(Msg::HintServiceWindow),
            )
        } else {
            let hint = match policy.custom_window_limit(kind) {
                Some(days) => cat.count(Msg::HintShorterWindowLimit, days, &[]),
                None => cat.text(Msg::HintShorterWindow),
            };
            (Msg::AskShorterWindow, Msg::AskShorterWindowDays, hint)
        };
        details.push(checkbox(
            "custom_window",
            cat.text(check),
            answers.custom_window_stated,
            FormEdit::CustomWindowStated,
        ));
        if answers.custom_window_stated {
            let field = FormField::CustomWindowDays;
            let d = describe(field, Some(hint));
            let max = policy
                .custom_window_limit(kind)
                .map(|days| days.to_string());
            details.push(html! {
                <div class="tw-refund-field tw-refund-field-days" data-field={field.name()}>
                    <label for={id(field)}>{ cat.text(label) }</label>
                    <input type="number" id={id(field)} name={field.name()}
                        class="tw-refund-input tw-refund-days"
                        inputmode="numeric" min="0" step="1" max={max}
                        value={answers.custom_window_days.clone()}
                        aria-invalid={d.invalid()}
                        aria-describedby={d.describedby()}
                        oninput={text_input(FormEdit::CustomWindowDays)} />
                    { d.messages() }
                </div>
            });
        }
    }
    if asks(FormField::FreeTrialEndsAt) {
        details.push(checkbox(
            "free_trial",
            cat.text(Msg::AskFreeTrial),
            answers.free_trial,
            FormEdit::FreeTrial,
        ));
        if answers.free_trial {
            details.push(datetime(
                FormField::FreeTrialEndsAt,
                &cat.text(Msg::AskFreeTrialEnd),
                &answers.free_trial_ends_at,
                None,
                FormEdit::FreeTrialEndsAt,
                false,
            ));
        }
    }
    let details_legend = cat.text(match kind {
        Kind::Course => Msg::GroupAboutCourse,
        Kind::Specialization => Msg::GroupAboutSpecialization,
        Kind::PlusSubscription | Kind::SubscriptionMonthly => Msg::GroupAboutSubscription,
        _ => Msg::GroupAboutService,
    });

    // Cancellation and conduct.
    let mut conduct: Vec<Html> = Vec::new();
    if asks(FormField::CancelledAt) {
        conduct.push(checkbox(
            "cancelled",
            cat.text(Msg::AskCancelled),
            answers.cancelled,
            FormEdit::Cancelled,
        ));
        if answers.cancelled {
            conduct.push(datetime(
                FormField::CancelledAt,
                &cat.text(Msg::AskCancelledAt),
                &answers.cancelled_at,
                Some(cat.text(Msg::HintCancelledAt)),
                FormEdit::CancelledAt,
                true,
            ));
        }
    }
    if asks(FormField::HonorCodeViolation) {
        let field = FormField::HonorCodeViolation;
        let check_id = format!("{}-check", id(field));
        let d = describe(field, Some(cat.text(Msg::HintViolation)));
        conduct.push(html! {
            <div class="tw-refund-field tw-refund-check" data-field={field.name()}>
                <input type="checkbox" id={check_id.clone()} name={field.name()}
                    checked={answers.honor_code_violation}
                    aria-invalid={d.invalid()}
                    aria-describedby={d.describedby()}
                    onchange={check_input(FormEdit::HonorCodeViolation)} />
                <label for={check_id}>{ cat.text(Msg::AskViolation) }</label>
                { d.messages() }
            </div>
        });
    }

    // The answer, or what to fix.
    let on_focus_field = {
        let root = root.clone();
        Callback::from(move |target: String| {
            if let Some(el) = root
                .cast::<web_sys::Element>()
                .and_then(|r| {
                    r.query_selector(&format!("[id=\"{target}\"]"))
                        .ok()
                        .flatten()
                })
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        })
    };
    let answer = match &result {
        Ok((input, decision)) => verdict_view(
            cat,
            input,
            decision,
            &zone,
            RuleLinks {
                on_open: &props.on_open_clause,
                unlinked: &props.unlinked,
                titles: &props.section_titles,
            },
            Detail::Full,
        ),
        Err(list) if list.iter().all(is_prompt) => html! {
            <p class="tw-refund-prompt">{ cat.text(Msg::RefundPrompt) }</p>
        },
        Err(list) => html! {
            <div class="tw-refund-summary">
                <p class="tw-refund-summary-title">
                    { cat.count(Msg::ProblemsTitle, list.iter().filter(|p| !is_prompt(p)).count() as u64, &[]) }
                </p>
                <ul>
                    { for list.iter().filter(|p| !is_prompt(p)).map(|p| {
                        let target = match p.field {
                            FormField::Via => format!("{base}-via-{}", answers.via.as_str()),
                            FormField::HonorCodeViolation => format!("{}-check", id(p.field)),
                            field => id(field),
                        };
                        let go = on_focus_field.reform(move |_: MouseEvent| target.clone());
                        let message = form_message(cat, &p.error, kind);
                        let (before, after) = cat.around(Msg::ProblemItem, &[("message", &message)], "field");
                        html! {
                            <li data-code={p.error.code()}>
                                { before }
                                <button type="button" class="tw-link-button tw-refund-goto" onclick={go}>
                                    { p.field.label(cat) }
                                </button>
                                { after }
                            </li>
                        }
                    }) }
                </ul>
            </div>
        },
    };
    let drawing = match &result {
        Ok((input, decision))
            if decision.deadline.is_some() || decision.outcome == Outcome::FullRefund =>
        {
            timeline_view(cat, input, decision)
        }
        _ => html! {},
    };

    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let title_id = format!("{base}-title");
    html! {
        // The calculator takes the document's place, so its title is the view's h1.
        <section class="tw-refund" ref={root}>
            <h1 id={title_id} class="tw-refund-title" tabindex="-1">{ cat.text(Msg::RefundCalculator) }</h1>
            <p class="tw-refund-intro">{ cat.with(Msg::RefundIntro, &[("zone", &zone)]) }</p>
            <div class="tw-refund-layout">
                <form class="tw-refund-form" novalidate=true {onsubmit}>
                    <fieldset class="tw-refund-group" data-group="purchase">
                        <legend>{ cat.text(Msg::GroupPurchase) }</legend>
                        { kind_field }
                        { via_field }
                        { paid_field }
                    </fieldset>
                    if !details.is_empty() {
                        <fieldset class="tw-refund-group" data-group="details">
                            <legend>{ details_legend }</legend>
                            { for details }
                        </fieldset>
                    }
                    if !conduct.is_empty() {
                        <fieldset class="tw-refund-group" data-group="conduct">
                            <legend>{ cat.text(Msg::GroupConduct) }</legend>
                            { for conduct }
                        </fieldset>
                    }
                </form>
                <div class="tw-refund-answer">
                    <div class="tw-refund-result" aria-live="polite">
                        { answer }
                    </div>
                    { drawing }
                </div>
            </div>
        </section>
    }
}
