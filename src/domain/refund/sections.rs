//! Which sections of the Refund Policy the refund rules link to, and which of them the
//! document does not have.
//!
//! Every answer names the clause that decides it ([`Decision::clause`](super::Decision)),
//! and the widget links it to that section of the bundle's Refund Policy. With a partner's
//! own policy the sections have the partner's headings: the partner maps each clause to a
//! section slug in `refund_policy` (`kinds.<kind>.clause`, `clauses.<role>`). A clause whose
//! section the document lacks is a bundle problem, reported when the rules are read, and
//! its answers show the rule's name without a link (never a link that leads nowhere).

use super::{Kind, RefundPolicy};

impl RefundPolicy {
    /// Every section the rules name, with where each is set, in a fixed order:
    /// `("kinds.course.clause", "courses-and-specializations")`, …,
    /// `("clauses.violations", "violations-of-our-policies")`.
    ///
    /// ```
    /// use terms_widget::domain::refund::RefundPolicy;
    /// let policy = RefundPolicy::default();
    /// let sections = policy.sections();
    /// assert!(sections.contains(&("kinds.guided_project.clause".to_string(), "guided-projects")));
    /// assert!(sections.contains(&("clauses.marketplaces".to_string(), "app-store-purchases")));
    /// ```
    pub fn sections(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Kind::ALL
            .iter()
            .map(|&kind| {
                (
                    format!("kinds.{}.clause", kind.as_str()),
                    self.kinds.get(kind).clause.as_str(),
                )
            })
            .collect();
        let c = &self.clauses;
        for (role, slug) in [
            ("measurement", &c.measurement),
            ("pre_enrolment", &c.pre_enrolment),
            ("shorter_windows", &c.shorter_windows),
            ("marketplaces", &c.marketplaces),
            ("organizations", &c.organizations),
            ("violations", &c.violations),
        ] {
            out.push((format!("clauses.{role}"), slug.as_str()));
        }
        out
    }

    /// What is wrong with the rules' links into the Refund Policy: one sentence per
    /// section slug that `has_section` does not find in `document` (its title and version,
    /// for the message). Each slug is reported once, with every place that names it.
    ///
    /// ```
    /// use terms_widget::domain::refund::RefundPolicy;
    /// let policy = RefundPolicy::default();
    /// // A partner's Refund Policy with only two of the sections the default rules name:
    /// let have = ["courses-and-specializations", "guided-projects"];
    /// let problems = policy.missing_sections("Refund Policy", "4", |s| have.contains(&s));
    /// assert!(problems[0].starts_with("The refund rules link kinds.subscription_monthly.clause to the section \"monthly-subscriptions\""));
    /// assert!(problems.iter().all(|p| !p.contains("\"guided-projects\"")));
    /// ```
    pub fn missing_sections(
        &self,
        document: &str,
        version: &str,
        has_section: impl Fn(&str) -> bool,
    ) -> Vec<String> {
        let mut missing: Vec<(&str, Vec<String>)> = Vec::new();
        for (place, slug) in self.sections() {
            if has_section(slug) {
                continue;
            }
            match missing.iter_mut().find(|(s, _)| *s == slug) {
                Some((_, places)) => places.push(place),
                None => missing.push((slug, vec![place])),
            }
        }
        missing
            .into_iter()
            .map(|(slug, places)| {
                format!(
                    "The refund rules link {} to the section \"{slug}\", but the {document} (version {version}) has no heading with that id, so answers that rest on it are shown without a link. Give refund_policy the slug of the section that states this rule (the id after # in its address), or add that section.",
                    places.join(", ")
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rules_name_every_section_once_per_place() {
        let policy = RefundPolicy::default();
        let sections = policy.sections();
        assert_eq!(sections.len(), Kind::ALL.len() + 6);
        // Courses and Specializations share one section: reported once, with both places.
        let problems =
            policy.missing_sections("Refund Policy", "2", |s| s != "courses-and-specializations");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with(
                "The refund rules link kinds.course.clause, kinds.specialization.clause to the section \"courses-and-specializations\""
            ),
            "{}",
            problems[0]
        );
        assert!(
            policy
                .missing_sections("Refund Policy", "2", |_| true)
                .is_empty()
        );
    }

    #[test]
    fn the_built_in_refund_policy_has_every_section_the_default_rules_name() {
        let loaded = crate::domain::documents::bundle::load_json(crate::DEFAULT_BUNDLE);
        let doc = loaded.bundle.document("refund-policy").unwrap();
        let slugs: Vec<String> = crate::domain::documents::markdown::parse(&doc.current().body)
            .headings
            .into_iter()
            .map(|h| h.slug)
            .collect();
        let problems = RefundPolicy::default()
            .missing_sections("Refund Policy", "2", |s| slugs.iter().any(|h| h == s));
        assert!(problems.is_empty(), "{problems:?}");
    }
}
