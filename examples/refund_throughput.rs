//! Refund decisions per second, natively, over a fixed mixed set of inputs.
//!
//! `cargo run --profile bench-native --example refund_throughput` (run by `scripts/bench.sh`)

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use terms_widget::domain::refund::{RefundPolicy, evaluate, evaluate_str};

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

/// Runs `f` over the set until `budget` has passed; returns calls per second.
fn measure(budget: Duration, count: usize, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut rounds = 0u64;
    while start.elapsed() < budget {
        for _ in 0..1000 {
            f();
        }
        rounds += 1;
    }
    let calls = rounds as f64 * 1000.0 * count as f64;
    calls / start.elapsed().as_secs_f64()
}

fn main() {
    let policy = RefundPolicy::default();
    let values = inputs();
    let texts: Vec<String> = values.iter().map(Value::to_string).collect();
    let budget = Duration::from_secs(2);

    let per_value = measure(budget, values.len(), || {
        for input in &values {
            let _ = black_box(evaluate(black_box(input), &policy));
        }
    });
    let per_text = measure(budget, texts.len(), || {
        for text in &texts {
            black_box(evaluate_str(black_box(text), &policy));
        }
    });
    println!(
        "{} inputs ({} errors)",
        values.len(),
        values
            .iter()
            .filter(|v| evaluate(v, &policy).is_err())
            .count()
    );
    println!("evaluate     (serde_json::Value -> Decision): {per_value:>12.0} decisions/s");
    println!("evaluate_str (JSON text -> JSON value):       {per_text:>12.0} decisions/s");
}
