//! The refund calculator and the refund verdict card.
//!
//! * [`RefundCalculator`]: the learner says what they bought, where and when they paid, and
//!   answers only the questions that matter for that purchase; the answer updates as they
//!   type, with the deadline in their own time and in UTC, the time left, the reason, the
//!   rule it comes from and the policy version.
//! * [`RefundVerdictCard`]: course-page mode, the answer alone for contract input the host
//!   page gives (JSON text).
//!
//! Both go through the refund engine ([`crate::domain::refund`]) by way of the form model
//! ([`crate::domain::refund::form`]); the browser's clock and time zone come from
//! [`crate::platform::localtime`]; the words from the catalog in context
//! ([`super::use_catalog`]). "Now" is read when the component mounts, on every edit,
//! and every 30 seconds. Styles: `styles/refund.css` (`tw-refund-…` classes; no inline
//! styles anywhere, including the timeline drawing).

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, Utc};
use gloo_timers::callback::Interval;
use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::parts::FragmentLink;
use super::use_catalog;
use crate::catalog::{Catalog, Msg};
use crate::domain::refund::form::{
    FormEdit, FormField, Mark, MarkKind, Problem, RefundForm, canonical_local_input, card_decision,
    card_message, clause_fragment, form_message, headline, kind_label, parse_local_input,
    policy_line, section_title, timeline, tone, via_label,
};
use crate::domain::refund::local_time::{Occurrence, WallClock};
use crate::domain::refund::{
    CustomWindow, Decision, Kind, Outcome, RefundError, RefundPolicy, Via,
};
use crate::domain::time::format_instant;
use crate::platform::localtime::{self, LearnerZone};

/// How often "now" is read again while a calculator or card is shown.
const REFRESH_MS: u32 = 30_000;

/// Ids of calculators mounted so far, so two on one page never share element ids.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// The current instant, read on mount and every [`REFRESH_MS`]; the interval is cleared
/// when the component unmounts. The handle can also be set to read the clock on an edit.
#[hook]
fn use_now() -> UseStateHandle<DateTime<Utc>> {
    let now = use_state_eq(localtime::now);
    {
        let setter = now.setter();
        use_effect_with((), move |_| {
            let interval = Interval::new(REFRESH_MS, move || setter.set(localtime::now()));
            move || drop(interval)
        });
    }
    now
}

// ---------------------------------------------------------------------------------------------
// The verdict, shared by the calculator and the card
// ---------------------------------------------------------------------------------------------

/// How much of the verdict to show.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Everything, with the reason (the calculator).
    Full,
    /// The headline, dates, time left, rule and policy (the card).
    Card,
}

/// The answer: headline, deadline in local time and UTC, time left, reason, the rule link
/// and the policy version.
fn verdict_view(
    cat: &Catalog,
    input: &Value,
    decision: &Decision,
    zone: &str,
    on_open_clause: &Callback<String>,
    detail: Detail,
) -> Html {
    let title = headline(cat, input, decision, localtime::format_local);
    let cancelled = input.get("cancelled_at").is_some_and(Value::is_string);
    let deadline = decision.deadline.map(|deadline| {
        let label = cat.text(if decision.eligible == Some(true) {
            Msg::WindowCloses
        } else {
            Msg::WindowClosed
        });
        html! {
            <div class="tw-refund-fact tw-refund-fact-deadline">
                <dt>{ label }</dt>
                <dd>
                    <time class="tw-refund-local" datetime={format_instant(deadline)}>
                        { localtime::format_local(deadline) }
                    </time>
                    {" "}<span class="tw-refund-zone">{ cat.with(Msg::DeadlineZone, &[("zone", zone)]) }</span>
                    <br />
                    <span class="tw-refund-utc">{ localtime::format_utc(deadline) }</span>
                </dd>
            </div>
        }
    });
    let left = decision.seconds_left.map(|seconds| {
        let duration = cat.duration(seconds);
        let msg = if cancelled {
            Msg::DurationToSpare
        } else {
            Msg::DurationLeft
        };
        let words = cat.with(msg, &[("duration", &duration)]);
        html! {
            <div class="tw-refund-fact tw-refund-fact-left">
                <dt>{ cat.text(Msg::TimeLeft) }</dt>
                // Not announced on every clock tick: the region announces the verdict.
                <dd class="tw-refund-left" aria-live="off">{ words }</dd>
            </div>
        }
    });
    let judged = cancelled.then(|| {
        let (before, after) = cat.around(Msg::JudgedAtCancellation, &[], "time");
        html! {
            <div class="tw-refund-fact tw-refund-fact-asof">
                <dt>{ cat.text(Msg::JudgedAt) }</dt>
                <dd>
                    { before }
                    <time datetime={format_instant(decision.as_of)}>
                        { localtime::format_local(decision.as_of) }
                    </time>
                    { after }
                </dd>
            </div>
        }
    });
    let facts = deadline.is_some() || left.is_some() || judged.is_some();
    let clause = decision.clause.clone();
    html! {
        <div class={classes!("tw-refund-verdict", format!("tw-refund-verdict-{}", tone(decision)))}
             data-outcome={decision.outcome.as_str()}>
            <p class="tw-refund-headline">{ title }</p>
            if facts {
                <dl class="tw-refund-facts">
                    { deadline }
                    { left }
                    { judged }
                </dl>
            }
            if detail == Detail::Full {
                <p class="tw-refund-reason" aria-live="off">{ decision.reason.clone() }</p>
            }
            <p class="tw-refund-rule">
                <FragmentLink
                    fragment={clause_fragment(&clause)}
                    on_fragment={on_open_clause.clone()}
                    class={classes!("tw-refund-rule-link")}
                >
                    { cat.with(Msg::ReadTheRule, &[("section", &section_title(cat, &clause))]) }
                </FragmentLink>
            </p>
            <p class="tw-refund-policy">{ policy_line(cat, decision) }</p>
        </div>
    }
}

/// A small drawing of the moments that decided the answer, with the same in words.
fn timeline_view(cat: &Catalog, input: &Value, decision: &Decision) -> Html {
    const WIDTH: f64 = 480.0;
    const MARGIN: f64 = 12.0;
    const AXIS: f64 = 62.0;
    let marks = timeline(cat, input, decision, WIDTH, MARGIN);
    if marks.len() < 2 {
        return html! {};
    }
    let x_of = |kind| marks.iter().find(|m: &&Mark| m.kind == kind).map(|m| m.x);
    let paid_x = x_of(MarkKind::Paid).unwrap_or(MARGIN);
    let window = match (decision.deadline, decision.eligible) {
        (Some(_), _) => x_of(MarkKind::Deadline).map(|end| (end, "tw-refund-tl-window")),
        // Open, with no end known yet: runs off the right edge.
        (None, Some(true)) => Some((WIDTH, "tw-refund-tl-window tw-refund-tl-window-open")),
        (None, _) => None,
    };
    let words: Vec<String> = marks
        .iter()
        .map(|m| {
            let time = localtime::format_local(m.at);
            cat.with(
                Msg::TimelineMoment,
                &[("mark", &m.kind.label(cat)), ("time", &time)],
            )
        })
        .collect();
    let moments = words.join(&cat.text(Msg::TimelineMomentSeparator));
    let label = cat.with(Msg::TimelineLabel, &[("moments", &moments)]);
    let label_y = |row: u8| match row {
        0 => AXIS - 16.0,
        1 => AXIS + 28.0,
        2 => AXIS - 36.0,
        _ => AXIS + 48.0,
    };
    html! {
        <figure class="tw-refund-timeline">
            <svg class="tw-refund-tl" viewBox="0 0 480 120" role="img" aria-label={label}
                 focusable="false" preserveAspectRatio="xMidYMid meet">
                <line class="tw-refund-tl-axis" x1="0" x2={WIDTH.to_string()}
                      y1={AXIS.to_string()} y2={AXIS.to_string()} stroke="currentColor" />
                if let Some((end, class)) = window {
                    <rect class={class} x={format!("{paid_x:.1}")} y={(AXIS - 5.0).to_string()}
                          width={format!("{:.1}", (end - paid_x).max(2.0))} height="10" rx="3" />
                }
                { for marks.iter().map(|m| {
                    let x = format!("{:.1}", m.x);
                    let y = label_y(m.row);
                    let (tick_from, tick_to) = if y < AXIS { (y + 4.0, AXIS) } else { (AXIS, y - 12.0) };
                    html! {
                        <g class={classes!("tw-refund-tl-mark", format!("tw-refund-tl-{}", m.kind.class()))}>
                            <line class="tw-refund-tl-tick" x1={x.clone()} x2={x.clone()}
                                  y1={format!("{tick_from:.1}")} y2={format!("{tick_to:.1}")} stroke="currentColor" />
                            <circle class="tw-refund-tl-dot" cx={x.clone()} cy={AXIS.to_string()} r="5" />
                            <text class="tw-refund-tl-label" x={x} y={format!("{y:.1}")}
                                  text-anchor={m.anchor.as_str()}>{ m.kind.label(cat) }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="tw-refund-timeline-caption">
                { cat.text(Msg::TimelineCaption) }
            </figcaption>
        </figure>
    }
}

// ---------------------------------------------------------------------------------------------
// The calculator
// ---------------------------------------------------------------------------------------------

/// Props of [`RefundCalculator`].
#[derive(Properties, PartialEq, Clone)]
pub struct RefundCalculatorProps {
    /// The rules to apply (usually `RefundPolicy::default()`).
    pub policy: Rc<RefundPolicy>,
    /// Called with `refund-policy/<clause>` when the learner opens the rule behind the
    /// answer (a plain left click on "Read the rule: …").
    pub on_open_clause: Callback<String>,
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
    (used != typed && parse_local_input(&used).is_ok())
        .then(|| cat.with(Msg::ShiftedTime, &[("time", &localtime::format_local(utc))]))
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
            localtime::format_local(t),
            localtime::format_utc(t)
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
            &props.on_open_clause,
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

// ---------------------------------------------------------------------------------------------
// The card
// ---------------------------------------------------------------------------------------------

/// Props of [`RefundVerdictCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct RefundVerdictCardProps {
    /// The contract's input as JSON text, e.g.
    /// `{"kind":"course","paid_at":"2024-05-01T13:30:00Z"}`. `now` may be left out (or
    /// `null`): the card then judges at the current time and keeps it up to date.
    pub input: AttrValue,
    /// The rules to apply (usually `RefundPolicy::default()`).
    pub policy: Rc<RefundPolicy>,
    /// Called with `refund-policy/<clause>` when the learner opens the rule.
    pub on_open_clause: Callback<String>,
}

/// Course-page mode: the answer alone ("Full refund available until … your time", the
/// deadline in UTC, time left, the rule and the policy version), or a clear message naming
/// the field at fault when the input is refused. Never panics, whatever the text.
#[component]
pub fn RefundVerdictCard(props: &RefundVerdictCardProps) -> Html {
    let now = use_now();
    let zone = use_memo((), |_| localtime::time_zone_name());
    let cat = use_catalog();
    let label = cat.text(Msg::CardLabel);
    match card_decision(&props.input, *now, &props.policy) {
        Ok((input, decision)) => html! {
            // A group, not a region: several cards on one course page would repeat the
            // landmark's name.
            <div class="tw-refund-card" role="group" aria-label={label} aria-live="polite">
                { verdict_view(&cat, &input, &decision, &zone, &props.on_open_clause, Detail::Card) }
            </div>
        },
        Err(error) => html! {
            <div class="tw-refund-card tw-refund-card-error" role="group" aria-label={label}
                     data-code={error.code()} data-field={error.field()}>
                <p class="tw-refund-headline">{ cat.text(Msg::CardFailed) }</p>
                <p class="tw-refund-card-message">{ card_message(&error) }</p>
            </div>
        },
    }
}
