//! Refund decisions per second, natively, over a fixed mixed set of inputs.
//!
//! `cargo run --release --profile bench-native --example refund_throughput` (run by
//! `scripts/bench.sh`) prints one line to quote, e.g.
//!
//! ```text
//! refund evaluate: 2345678 decisions/s (median of 7 runs of 0.5 s; min 2200000, max 2400000; 16 inputs, 1 error)
//! ```
//!
//! then the same for `evaluate_str` (JSON text in, JSON value out).
//!
//! `--calls N` instead makes exactly N `evaluate` calls over the mix and prints nothing
//! else, for instruction counts that repeat exactly on a shared machine:
//! `valgrind --tool=callgrind target/bench-native/examples/refund_throughput --calls 160000`
//! (subtract a `--calls 0` run for the set-up, then divide by N).

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use terms_widget::domain::refund::{RefundPolicy, evaluate, evaluate_str};

/// The mix: every route of the engine once (window open, closed, certificate, launch,
/// pre-enrolled, stated and shorter windows, trial, never refunded, partner, marketplace,
/// organization, violation) and one invalid date.
fn inputs() -> Vec<Value> {
    let p = "2024-03-01T12:00:00Z";
    vec![
        json!({"kind": "course", "paid_at": p, "now": "2024-03-10T08:00:00Z"}),
        json!({"kind": "course", "paid_at": p, "now": "2024-03-20T08:00:00Z"}),
        json!({"kind": "specialization", "paid_at": p, "now": "2024-03-06T00:00:00Z",
               "certificate_earned_at": "2024-03-05T00:00:00Z"}),
        json!({"kind": "course", "paid_at": p, "now": "2024-04-10T00:00:00Z",
               "pre_enrolled": true, "launch_at": "2024-04-01T00:00:00Z"}),
        json!({"kind": "course", "paid_at": p, "now": p, "pre_enrolled": true}),
        json!({"kind": "course", "paid_at": p, "now": "2024-03-05T00:00:00Z",
               "custom_window_days": 7, "cancelled_at": "2024-03-04T00:00:00Z"}),
        json!({"kind": "plus_subscription", "paid_at": p, "now": "2024-03-02T00:00:00Z"}),
        json!({"kind": "plus_subscription", "paid_at": p, "now": p,
               "free_trial_ends_at": "2024-03-08T12:00:00Z"}),
        json!({"kind": "subscription_monthly", "paid_at": p, "now": p}),
        json!({"kind": "guided_project", "paid_at": p, "now": p}),
        json!({"kind": "degree", "paid_at": p, "now": p}),
        json!({"kind": "course", "via": "app_store", "paid_at": p, "now": p}),
        json!({"kind": "course", "via": "organization", "paid_at": p, "now": p}),
        json!({"kind": "other", "paid_at": p, "now": p, "custom_window_days": 30}),
        json!({"kind": "course", "paid_at": p, "now": p, "honor_code_violation": true}),
        json!({"kind": "course", "paid_at": "2023-02-29T00:00:00Z", "now": p}),
    ]
}

/// Runs `f` (one pass over the `count` inputs) for `budget`, `runs` times; returns the
/// calls per second of each run, sorted.
fn measure(runs: usize, budget: Duration, count: usize, mut f: impl FnMut()) -> Vec<f64> {
    // Warm-up: caches, branch predictors, the allocator's free lists.
    for _ in 0..200 {
        f();
    }
    let mut rates: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let mut passes = 0u64;
            while start.elapsed() < budget {
                for _ in 0..100 {
                    f();
                }
                passes += 100;
            }
            passes as f64 * count as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates
}

fn line(label: &str, rates: &[f64], budget: Duration, mix: &str) -> String {
    let median = rates[rates.len() / 2];
    format!(
        "{label}: {median:.0} decisions/s (median of {} runs of {} s; min {:.0}, max {:.0}; {mix})",
        rates.len(),
        budget.as_secs_f64(),
        rates[0],
        rates[rates.len() - 1],
    )
}

fn main() {
    let policy = RefundPolicy::default();
    let values = inputs();
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, n] = args.as_slice()
        && flag == "--calls"
    {
        let calls: usize = n.parse().expect("--calls N");
        for input in values.iter().cycle().take(calls) {
            let _ = black_box(evaluate(black_box(input), &policy));
        }
        return;
    }

    let texts: Vec<String> = values.iter().map(Value::to_string).collect();
    let errors = values
        .iter()
        .filter(|v| evaluate(v, &policy).is_err())
        .count();
    let mix = format!("{} inputs, {errors} error", values.len());
    let (runs, budget) = (7, Duration::from_millis(500));

    let per_value = measure(runs, budget, values.len(), || {
        for input in &values {
            let _ = black_box(evaluate(black_box(input), &policy));
        }
    });
    println!("{}", line("refund evaluate", &per_value, budget, &mix));
    let per_text = measure(runs, budget, texts.len(), || {
        for text in &texts {
            black_box(evaluate_str(black_box(text), &policy));
        }
    });
    println!(
        "{}",
        line("refund evaluate_str (JSON text)", &per_text, budget, &mix)
    );
}
