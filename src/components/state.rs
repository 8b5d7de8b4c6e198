//! The documents view's state, as a `Reducible` (see yew's `function_todomvc`).
//!
//! The state is plain data: which bundle is loaded, where the reader is, what they are
//! searching for. Everything derivable (the parsed Markdown, the matches) is computed
//! in the view with memos, never stored here.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::{Catalog, Msg};
use crate::domain::documents::bundle::Loaded;
use crate::domain::documents::route::{Resolved, Route, RouteError, check, resolve};

pub use super::source::Source;

/// Loading progress of the bundle.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// Waiting for the host's bundle.
    Loading,
    /// Loaded (possibly with problems; see [`Loaded::problems`]).
    Ready(Rc<Loaded>),
    /// The host's bundle could not be fetched at all.
    Failed(String),
}

/// What the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The documents (the default).
    #[default]
    Documents,
    /// The refund calculator.
    Refund,
    /// Course-page mode: just the verdict for the purchase the host gave.
    Verdict,
}

/// The fragment that opens the refund calculator (a document can't take this id).
pub const REFUND_CALCULATOR: &str = "refund-calculator";

/// The documents view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// What is shown.
    pub view: View,
    /// The bundle.
    pub load: Load,
    /// The place being read; `None` until the bundle is ready.
    pub route: Option<Route>,
    /// Why the last navigation could not go exactly where asked, if it couldn't.
    pub notice: Option<String>,
    /// The search text, as typed.
    pub query: String,
    /// Index of the current search match in the open document.
    pub current_match: usize,
    /// Bumped on every navigation, so the view knows to scroll even to the same place.
    pub nav_serial: u32,
    /// Bumped when the reader steps through matches, so the view scrolls to the match.
    pub match_serial: u32,
    /// The words of this bundle: the learner's language, naming the bundle's platform
    /// (the default platform until it loads). The view provides it to every component, and notices use it.
    pub catalog: Rc<Catalog>,
    /// A place asked for (by the host or the address) before the bundle was ready: the
    /// view opens there once it is.
    pub pending: Option<String>,
}

impl AppState {
    /// The state before the bundle arrives, speaking the language [`Catalog::negotiated`]
    /// picks for `locale`.
    pub fn speaking(locale: &str) -> AppState {
        AppState {
            catalog: Rc::new(crate::platform::language::catalog_for(locale)),
            ..AppState::default()
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            view: View::Documents,
            load: Load::Loading,
            route: None,
            notice: None,
            query: String::new(),
            current_match: 0,
            nav_serial: 0,
            match_serial: 0,
            catalog: Rc::new(Catalog::en()),
            pending: None,
        }
    }
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The bundle arrived; `start` is where to open (already resolved), if anywhere.
    Loaded(Rc<Loaded>, Option<Route>),
    /// Forget the place asked for while the bundle loaded (the SPA reads the address
    /// itself when the bundle arrives, which is newer).
    DropPending,
    /// The host's bundle could not be fetched.
    LoadFailed(String),
    /// Go to a place. Unknown documents and versions fall back with a notice.
    Navigate(Route),
    /// Follow a fragment from a link or the address bar (resolved against the open
    /// document: `#doc/section`, `#doc@version`, or a bare `#section`).
    Follow(String),
    /// The section asked for does not exist in the version shown.
    SectionMissing(RouteError),
    /// The search text changed.
    SetQuery(String),
    /// Step to the next match (wrapping), given how many there are.
    NextMatch(usize),
    /// Step to the previous match (wrapping), given how many there are.
    PrevMatch(usize),
    /// Clear the search.
    ClearQuery,
    /// Dismiss the navigation notice.
    DismissNotice,
    /// Show another view (the calculator, the verdict card, the documents).
    Show(View),
}

/// Why a link could not go exactly where it pointed, in the catalog's words.
fn route_notice(cat: &Catalog, error: &RouteError) -> String {
    match error {
        RouteError::NoSuchDocument(id) => cat.with(Msg::NoSuchDocument, &[("id", id)]),
        RouteError::NoSuchVersion { title, version } => cat.with(
            Msg::NoSuchVersion,
            &[("title", title), ("version", version)],
        ),
        RouteError::NoSuchSection { title, section } => cat.with(
            Msg::NoSuchSection,
            &[("title", title), ("section", section)],
        ),
    }
}

impl AppState {
    /// The loaded bundle, if ready.
    pub fn loaded(&self) -> Option<&Rc<Loaded>> {
        match &self.load {
            Load::Ready(l) => Some(l),
            _ => None,
        }
    }

    /// Applies a navigation: checks the document and version (sections are checked by
    /// the view, which has the headings), falling back to something sensible.
    fn navigate(&mut self, route: Route) {
        let Some(loaded) = self.loaded().cloned() else {
            return;
        };
        let bundle = &loaded.bundle;
        self.notice = None;
        let route = match check(
            &Route {
                section: None,
                ..route.clone()
            },
            bundle,
            [],
        ) {
            Ok(()) => route,
            Err(e @ RouteError::NoSuchVersion { .. }) => {
                self.notice = Some(route_notice(&self.catalog, &e));
                Route {
                    version: None,
                    ..route
                }
            }
            Err(e) => {
                self.notice = Some(route_notice(&self.catalog, &e));
                match bundle.documents.first() {
                    Some(d) => Route::document(d.id.clone()),
                    None => return,
                }
            }
        };
        // The first version has nothing before it to compare with.
        let route = match bundle.document(&route.document) {
            Some(d) if route.changes => {
                let label = route
                    .version
                    .clone()
                    .unwrap_or_else(|| d.current().version.clone());
                if d.versions.first().is_some_and(|v| v.version == label) {
                    self.notice = Some(self.catalog.with(
                        Msg::NothingEarlier,
                        &[("version", &label), ("title", &d.title)],
                    ));
                    Route {
                        changes: false,
                        ..route
                    }
                } else {
                    route
                }
            }
            _ => route,
        };
        // A version label equal to the current one is the current version: drop it so
        // the URL stays canonical.
        let route = match (&route.version, bundle.document(&route.document)) {
            (Some(v), Some(d)) if d.current().version == *v => Route {
                version: None,
                ..route
            },
            _ => route,
        };
        if self.route.as_ref().map(|r| (&r.document, &r.version))
            != Some((&route.document, &route.version))
        {
            self.current_match = 0;
        }
        self.route = Some(route);
        self.nav_serial = self.nav_serial.wrapping_add(1);
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(loaded, start) => {
                let first = loaded
                    .bundle
                    .documents
                    .first()
                    .map(|d| Route::document(d.id.clone()));
                next.catalog = Rc::new(loaded.bundle.words((*self.catalog).clone()));
                // Each document in the learner's language where the bundle has it.
                let shown = Loaded {
                    bundle: loaded.bundle.for_language(next.catalog.lang().tag()),
                    problems: loaded.problems.clone(),
                };
                // A place asked for while the bundle loaded is newer than `start`.
                let asked = next.pending.take().and_then(|fragment| {
                    match resolve(&fragment, None, &shown.bundle) {
                        Resolved::Route(route) => Some(route),
                        Resolved::Nowhere => None,
                    }
                });
                next.load = Load::Ready(Rc::new(shown));
                match asked.or(start).or(first) {
                    Some(route) => next.navigate(route),
                    None => next.route = None,
                }
            }
            Action::LoadFailed(message) => next.load = Load::Failed(message),
            Action::DropPending => next.pending = None,
            Action::Navigate(route) => next.navigate(route),
            Action::Follow(fragment) if fragment.trim_start_matches('#') == REFUND_CALCULATOR => {
                let has_policy = next
                    .loaded()
                    .is_none_or(|l| l.bundle.document("refund-policy").is_some());
                if has_policy {
                    next.view = View::Refund;
                    next.notice = None;
                } else {
                    next.notice = Some(next.catalog.text(Msg::NoRefundPolicy));
                }
                next.nav_serial = next.nav_serial.wrapping_add(1);
            }
            Action::Follow(fragment) => {
                next.view = View::Documents;
                let Some(loaded) = next.loaded().cloned() else {
                    next.pending = Some(fragment);
                    return Rc::new(next);
                };
                match resolve(&fragment, next.route.as_ref(), &loaded.bundle) {
                    Resolved::Route(route) => next.navigate(route),
                    Resolved::Nowhere => return self,
                }
            }
            Action::SectionMissing(error) => {
                next.notice = Some(route_notice(&next.catalog, &error));
                if let Some(r) = &mut next.route {
                    r.section = None;
                }
            }
            Action::SetQuery(query) => {
                // Search looks in the text: leave the changes view (or the calculator)
                // to show the matches.
                if !query.trim().is_empty() {
                    if let Some(route) = next.route.as_mut().filter(|r| r.changes) {
                        route.changes = false;
                        next.nav_serial = next.nav_serial.wrapping_add(1);
                    }
                    if next.view == View::Refund {
                        next.view = View::Documents;
                        next.nav_serial = next.nav_serial.wrapping_add(1);
                    }
                }
                next.query = query;
                next.current_match = 0;
            }
            Action::NextMatch(total) if total > 0 => {
                next.current_match = (next.current_match + 1) % total;
                next.match_serial = next.match_serial.wrapping_add(1);
            }
            Action::PrevMatch(total) if total > 0 => {
                next.current_match = (next.current_match + total - 1) % total;
                next.match_serial = next.match_serial.wrapping_add(1);
            }
            Action::NextMatch(_) | Action::PrevMatch(_) => return self,
            Action::ClearQuery => {
                next.query.clear();
                next.current_match = 0;
            }
            Action::DismissNotice => next.notice = None,
            Action::Show(view) => {
                next.view = view;
                next.nav_serial = next.nav_serial.wrapping_add(1);
            }
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::documents::bundle::load_value;
    use serde_json::json;

    fn loaded() -> Rc<Loaded> {
        let v = |l: &str, d: &str| json!({"version": l, "effective": d, "summary": "s", "material": true, "body": "## A\n\nx"});
        Rc::new(load_value(
            &json!({"format": "terms-widget/bundle@1", "documents": [
                {"id": "one", "title": "One", "versions": [v("1", "2024-01-01"), v("2", "2025-01-01")]},
                {"id": "two", "title": "Two", "versions": [v("1", "2024-01-01")]}
            ]}),
        ))
    }

    fn loaded_with_refund_policy() -> Rc<Loaded> {
        let v = json!({"version": "1", "effective": "2024-01-01", "summary": "s", "material": true, "body": "x"});
        Rc::new(load_value(
            &json!({"format": "terms-widget/bundle@1", "documents": [
                {"id": "one", "title": "One", "versions": [v.clone()]},
                {"id": "two", "title": "Two", "versions": [v.clone()]},
                {"id": "refund-policy", "title": "Refunds", "versions": [v]}
            ]}),
        ))
    }

    fn ready() -> Rc<AppState> {
        Rc::new(AppState::default()).reduce(Action::Loaded(loaded(), None))
    }

    #[test]
    fn a_place_asked_for_while_the_bundle_loads_is_where_the_view_opens() {
        let asked = Rc::new(AppState::default()).reduce(Action::Follow("two".into()));
        assert_eq!(asked.route, None, "nothing to open yet");
        // It is newer than the start the element was mounted with.
        let start = Some(Route::document("one".to_string()));
        let s = asked.reduce(Action::Loaded(loaded(), start.clone()));
        assert_eq!(s.route, Some(Route::document("two".to_string())));
        assert_eq!(s.pending, None);
        // Without one, the start.
        let s = Rc::new(AppState::default()).reduce(Action::Loaded(loaded(), start.clone()));
        assert_eq!(s.route, start);
        // A place the bundle does not have: as when the host asks for it later, the
        // first document with a notice.
        let start = Some(Route::document("two".to_string()));
        let s = Rc::new(AppState::default())
            .reduce(Action::Follow("ghost".into()))
            .reduce(Action::Loaded(loaded(), start.clone()));
        assert_eq!(s.route, Some(Route::document("one".to_string())));
        assert!(
            s.notice.as_deref().is_some_and(|n| n.contains("ghost")),
            "{:?}",
            s.notice
        );
        // The calculator asked for, then a document: the document.
        let s = Rc::new(AppState::default())
            .reduce(Action::Follow(REFUND_CALCULATOR.into()))
            .reduce(Action::Follow("two".into()))
            .reduce(Action::Loaded(loaded(), None));
        assert_eq!(
            (s.view, s.route.clone()),
            (View::Documents, Some(Route::document("two".to_string())))
        );
        // Dropped (the SPA's address is newer): the start.
        let s = Rc::new(AppState::default())
            .reduce(Action::Follow("two".into()))
            .reduce(Action::DropPending)
            .reduce(Action::Loaded(loaded(), start.clone()));
        assert_eq!(s.route, start);
    }

    #[test]
    fn the_catalog_names_the_bundles_platform() {
        // No name in the bundle: the default.
        assert_eq!(ready().catalog.platform(), crate::catalog::DEFAULT_PLATFORM);
        let partner = Rc::new(load_value(&json!({"format": "terms-widget/bundle@1",
            "platform": {"name": "Heron Academy"}, "documents": []})));
        let s = Rc::new(AppState::default()).reduce(Action::Loaded(partner, None));
        assert_eq!(s.catalog.platform(), "Heron Academy");
    }

    #[test]
    fn route_notices_read_as_the_route_errors_do() {
        let cat = Catalog::en();
        for e in [
            RouteError::NoSuchDocument("ghost".into()),
            RouteError::NoSuchVersion {
                title: "One".into(),
                version: "7".into(),
            },
            RouteError::NoSuchSection {
                title: "One".into(),
                section: "x".into(),
            },
        ] {
            assert_eq!(route_notice(&cat, &e), e.to_string());
        }
    }

    #[test]
    fn opens_the_first_document_by_default_or_the_start_route() {
        assert_eq!(ready().route, Some(Route::document("one")));
        let s = Rc::new(AppState::default())
            .reduce(Action::Loaded(loaded(), Some(Route::document("two"))));
        assert_eq!(s.route, Some(Route::document("two")));
    }

    #[test]
    fn unknown_document_falls_back_with_a_notice() {
        let s = ready().reduce(Action::Navigate(Route::document("ghost")));
        assert_eq!(s.route, Some(Route::document("one")));
        assert!(s.notice.as_deref().unwrap().contains("\"ghost\""));
        // Navigating again clears the notice.
        let s = s.reduce(Action::Navigate(Route::document("two")));
        assert_eq!(s.notice, None);
    }

    #[test]
    fn versions_are_checked_and_canonical() {
        let mut r = Route::document("one");
        r.version = Some("1".into());
        let s = ready().reduce(Action::Navigate(r.clone()));
        assert_eq!(s.route, Some(r.clone()));
        r.version = Some("2".into());
        let s = s.reduce(Action::Navigate(r.clone()));
        assert_eq!(
            s.route,
            Some(Route::document("one")),
            "current version is unlabelled"
        );
        r.version = Some("7".into());
        let s = s.reduce(Action::Navigate(r));
        assert_eq!(s.route, Some(Route::document("one")));
        assert!(s.notice.as_deref().unwrap().contains("no version \"7\""));
    }

    #[test]
    fn search_steps_wrap_and_reset_on_document_change() {
        let s = ready().reduce(Action::SetQuery("a".into()));
        let s = s.reduce(Action::NextMatch(3)).reduce(Action::NextMatch(3));
        assert_eq!(s.current_match, 2);
        let s = s.reduce(Action::NextMatch(3));
        assert_eq!(s.current_match, 0);
        let s = s.reduce(Action::PrevMatch(3));
        assert_eq!(s.current_match, 2);
        let same = s.clone().reduce(Action::NextMatch(0));
        assert!(Rc::ptr_eq(&same, &s), "no matches: nothing changes");
        let s = s.reduce(Action::Navigate(Route::document("two")));
        assert_eq!(s.current_match, 0);
        assert_eq!(s.query, "a", "the query survives a document change");
        let s = s.reduce(Action::ClearQuery);
        assert_eq!(s.query, "");
    }

    #[test]
    fn follows_fragments_relative_to_the_open_document() {
        let s = ready().reduce(Action::Follow("two".into()));
        assert_eq!(s.route, Some(Route::document("two")));
        let s = s.reduce(Action::Follow("a".into()));
        assert_eq!(
            s.route,
            Some(Route {
                document: "two".into(),
                version: None,
                section: Some("a".into()),
                changes: false,
            })
        );
        let s = s.reduce(Action::Follow("one@1/a".into()));
        assert_eq!(s.route.as_ref().unwrap().version.as_deref(), Some("1"));
        let same = s.clone().reduce(Action::Follow(String::new()));
        assert!(Rc::ptr_eq(&same, &s));
        let serial = s.nav_serial;
        let again = s.reduce(Action::Follow("one@1/a".into()));
        assert_eq!(
            again.nav_serial,
            serial + 1,
            "same place again still scrolls"
        );
    }

    #[test]
    fn changes_need_an_earlier_version() {
        let s = ready().reduce(Action::Follow("one/~changes".into()));
        assert!(s.route.as_ref().unwrap().changes, "v2 has a v1 before it");
        assert_eq!(s.notice, None);
        let s = s.reduce(Action::Follow("one@1/~changes".into()));
        let r = s.route.as_ref().unwrap();
        assert!(!r.changes);
        assert_eq!(r.version.as_deref(), Some("1"));
        assert!(
            s.notice
                .as_deref()
                .unwrap()
                .contains("Version 1 is the first version of One")
        );
    }

    #[test]
    fn the_calculator_has_its_own_fragment_and_documents_take_over_again() {
        let s = Rc::new(AppState::default()).reduce(Action::Follow(REFUND_CALCULATOR.into()));
        assert_eq!(
            s.view,
            View::Refund,
            "before any bundle arrives the calculator can show"
        );
        let s = s.reduce(Action::Loaded(loaded_with_refund_policy(), None));
        let s = s.reduce(Action::Follow(REFUND_CALCULATOR.into()));
        assert_eq!(s.view, View::Refund);
        assert_eq!(
            s.route,
            Some(Route::document("one")),
            "the place in the documents is kept"
        );
        let s = s.reduce(Action::Follow("two".into()));
        assert_eq!(s.view, View::Documents);
        assert_eq!(s.route, Some(Route::document("two")));
        let s = s.reduce(Action::Show(View::Verdict));
        assert_eq!(s.view, View::Verdict);
        let s = s
            .reduce(Action::Follow(REFUND_CALCULATOR.into()))
            .reduce(Action::SetQuery("fee".into()));
        assert_eq!(s.view, View::Documents, "searching shows the documents");
    }

    #[test]
    fn no_calculator_without_a_refund_policy() {
        // The test bundle has documents "one" and "two", no "refund-policy".
        let s = ready().reduce(Action::Follow(REFUND_CALCULATOR.into()));
        assert_eq!(s.view, View::Documents);
        assert!(s.notice.as_deref().unwrap().contains("no Refund Policy"));
    }

    #[test]
    fn missing_section_drops_it_with_a_notice() {
        let mut r = Route::document("two");
        r.section = Some("nowhere".into());
        let s = ready().reduce(Action::Navigate(r));
        let s = s.reduce(Action::SectionMissing(RouteError::NoSuchSection {
            title: "Two".into(),
            section: "nowhere".into(),
        }));
        assert_eq!(s.route, Some(Route::document("two")));
        assert!(
            s.notice
                .as_deref()
                .unwrap()
                .contains("no section \"nowhere\"")
        );
    }

    #[test]
    fn failed_load_is_kept() {
        let s = Rc::new(AppState::default()).reduce(Action::LoadFailed("boom".into()));
        assert_eq!(s.load, Load::Failed("boom".into()));
        assert!(s.loaded().is_none());
        // Navigation before a bundle is ready does nothing.
        let s2 = s.clone().reduce(Action::Navigate(Route::document("one")));
        assert!(Rc::ptr_eq(&s, &s2));
    }
}
