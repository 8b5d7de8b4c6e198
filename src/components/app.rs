//! The documents view: navigation, the open document, search, history and problems.
//!
//! The view provides its bundle's catalog ([`AppState::catalog`]) to every component
//! below it, so the calculator and the parts speak of the bundle's platform.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::markdown_view::MarkdownView;
use super::parse_cache::ParseCache;
use super::parts::FragmentLink;
use super::parts::{
    ChangesView, DocNav, NavItem, ProblemList, SearchBar, Toc, VersionEntry, VersionHistory,
};
use super::refund::{RefundCalculator, RefundVerdictCard};
use super::state::{Action, AppState, Load, REFUND_CALCULATOR, Source, View};
use super::{ByPtr, LandmarkScope};
use crate::catalog::{Catalog, Msg};
use crate::domain::documents::bundle::{self, Loaded};
use crate::domain::documents::diff;
use crate::domain::documents::markdown::{self, Document};
use crate::domain::documents::route::{self, Resolved, Route};
use crate::domain::documents::search;
use crate::domain::refund::{self, RefundPolicy};
use crate::platform;

/// Who owns the page's URL fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routing {
    /// The widget is the page (the SPA): it reads and writes `location.hash`, so deep
    /// links, Back and Forward work.
    Hash,
    /// The widget is a guest on someone else's page: it keeps its place to itself.
    Local,
}

/// A way for the host (the custom element) to steer a mounted app: the app puts its
/// "follow this fragment" callback here once its first render's effects have run.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<RemoteInner>>);

#[derive(Default)]
struct RemoteInner {
    /// The app's "follow this fragment", while it is mounted.
    follow: Option<Callback<String>>,
    /// The last fragment asked for before the app could take it.
    pending: Option<String>,
}

impl Remote {
    /// Asks the app to open `fragment` (e.g. `refund-policy/guided-projects`). Asked
    /// before the app is ready for it (its view may already show, with Yew's effects a
    /// task later), the last such fragment is followed as soon as it is.
    pub fn follow(&self, fragment: &str) {
        let follow = self.0.borrow().follow.clone();
        match follow {
            Some(cb) => cb.emit(fragment.to_string()),
            None => self.0.borrow_mut().pending = Some(fragment.to_string()),
        }
    }

    /// The app is ready: `follow` takes what the host asks from now on, and what it
    /// asked before.
    fn connect(&self, follow: Callback<String>) {
        let pending = {
            let mut inner = self.0.borrow_mut();
            inner.follow = Some(follow.clone());
            inner.pending.take()
        };
        if let Some(fragment) = pending {
            follow.emit(fragment);
        }
    }

    /// The app is gone.
    fn disconnect(&self) {
        self.0.borrow_mut().follow = None;
    }
}

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the documents come from.
    pub source: Source,
    /// Who owns the URL fragment.
    pub routing: Routing,
    /// Where to open first, for [`Routing::Local`] (a fragment such as `refund-policy`).
    #[prop_or_default]
    pub start: Option<String>,
    /// The host's handle on this app.
    #[prop_or_default]
    pub remote: Remote,
    /// Course-page mode: a purchase in the refund contract's JSON input shape; the
    /// widget then shows just the refund verdict for it.
    #[prop_or_default]
    pub refund: Option<AttrValue>,
    /// Overrides of the refund rules as JSON (the host's option, applied after the
    /// bundle's `refund_policy`).
    #[prop_or_default]
    pub refund_policy: Option<AttrValue>,
    /// A name for this widget that tells it apart from others on the page (the host's
    /// `label` attribute). An embedded widget with a label is a named region; either
    /// way its navigation landmarks are named after it (else after the open document).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The interface's locale, a BCP 47 tag (the element picks it with
    /// [`platform::language::locale_for`](crate::platform::language::locale_for));
    /// English when `None` or when the catalog lacks the language.
    #[prop_or_default]
    pub locale: Option<AttrValue>,
}

/// Loads the bundle from `source` (fetching it when it is a URL; `built_in` is the text
/// of [`Source::BuiltIn`] and the function that reads it, e.g. [`bundle::load_built_in`];
/// `load` reads a fetched or inline text, e.g. [`bundle::load_json`]) and calls
/// `done` with it, or `failed` with a message when it could not be fetched at all. Problems inside
/// the bundle are reported on the console and travel in [`Loaded::problems`].
pub(crate) fn load_bundle(
    source: Source,
    built_in: (&'static str, BundleReader),
    load: BundleReader,
    done: impl FnOnce(Rc<Loaded>) + 'static,
    failed: impl FnOnce(String) + 'static,
) {
    if let Some(loaded) = load_now(&source, built_in, load) {
        return done(loaded);
    }
    if let Source::Url(url) = source {
        wasm_bindgen_futures::spawn_local(async move {
            match platform::fetch_text(&url).await {
                Ok(text) => done(load_and_report(&text, load)),
                Err(e) => {
                    platform::console_error(&e.to_string());
                    failed(e.to_string());
                }
            }
        });
    }
}

/// The bundle of a source that needs no fetch (built in, inline or already loaded), read
/// now; `None` for [`Source::Url`]. A view can start from it in its first render, with no
/// "Loading…" frame in between (see [`load_bundle`] for the arguments).
pub(crate) fn load_now(
    source: &Source,
    built_in: (&'static str, BundleReader),
    load: BundleReader,
) -> Option<Rc<Loaded>> {
    match source {
        Source::BuiltIn => Some(load_and_report(built_in.0, built_in.1)),
        Source::Inline(text) => Some(load_and_report(text, load)),
        Source::Ready(loaded) => Some(loaded.clone()),
        Source::Url(_) => None,
    }
}

/// Loads a bundle text and reports its problems on the console.
fn load_and_report(text: &str, load: BundleReader) -> Rc<Loaded> {
    let loaded = load(text);
    for p in &loaded.problems {
        platform::console_error(&p.to_string());
    }
    Rc::new(loaded)
}

/// How the documents view reads its bundles: the built-in text with its reader (checked
/// in full when the widget was built, see [`bundle::load_built_in`]), and the reader of a
/// fetched or inline text.
const BUNDLE_READERS: ((&str, BundleReader), BundleReader) = (
    (crate::DEFAULT_BUNDLE, bundle::load_built_in),
    bundle::load_json,
);

/// A function that reads a bundle's JSON text, such as [`bundle::load_json`].
pub(crate) type BundleReader = fn(&str) -> Loaded;

/// What a freshly loaded bundle does to the view: open it where the address (the SPA) or
/// the `start` fragment (a guest) says, or on the calculator.
fn start_actions(loaded: Rc<Loaded>, routing: Routing, start: Option<String>) -> Vec<Action> {
    // The address as it is once the bundle is here: a bundle fetched from a URL may
    // arrive after the reader has gone elsewhere (the `hashchange` then found nothing
    // loaded to follow).
    let start_fragment = match routing {
        Routing::Hash => Some(platform::location_hash()),
        Routing::Local => start,
    };
    let calculator = start_fragment.as_deref() == Some(REFUND_CALCULATOR);
    let start = start_fragment.filter(|_| !calculator).and_then(|f| {
        match route::resolve(&f, None, &loaded.bundle) {
            Resolved::Route(r) => Some(r),
            Resolved::Nowhere => None,
        }
    });
    let mut actions = Vec::new();
    if routing == Routing::Hash {
        // The address read just now is newer than any place followed while loading.
        actions.push(Action::DropPending);
    }
    actions.push(Action::Loaded(loaded, start));
    if calculator {
        actions.push(Action::Follow(REFUND_CALCULATOR.to_string()));
    }
    actions
}

/// The whole documents view.
#[component]
pub fn App(props: &AppProps) -> Html {
    // A bundle that needs no fetch is read before the first render, so the view opens on
    // its document (or, on a course page, its verdict card) at once: no "Loading…" frame,
    // no second render of the whole view. `preloaded` tells the loading effect below that
    // the first source is done.
    let preloaded = use_mut_ref(|| false);
    let state = use_reducer(|| {
        let speaking = AppState::speaking(props.locale.as_deref().unwrap_or("en"));
        let Some(loaded) = load_now(&props.source, BUNDLE_READERS.0, BUNDLE_READERS.1) else {
            return speaking;
        };
        *preloaded.borrow_mut() = true;
        let mut actions = start_actions(loaded, props.routing, props.start.clone());
        if props.refund.is_some() {
            actions.push(Action::Show(View::Verdict));
        }
        let state = actions
            .into_iter()
            .fold(Rc::new(speaking), Reducible::reduce);
        Rc::unwrap_or_clone(state)
    });
    let root = use_node_ref();
    let cat: Rc<Catalog> = state.catalog.clone();
    // The address as the widget last saw it (on load, from `hashchange`, or as it set it
    // itself), when it owns the address bar. Yew may run effects a task after the render
    // they follow: by then Back may have moved the address, and its `hashchange` is still
    // queued. Keeping the address canonical must not overwrite an address the widget has
    // not followed yet: that would replace the history entry Back went to.
    let seen = use_mut_ref(|| match props.routing {
        Routing::Hash => platform::location_hash(),
        Routing::Local => String::new(),
    });

    // Load the bundle once per source.
    {
        let dispatch = state.dispatcher();
        let routing = props.routing;
        let start = props.start.clone();
        let preloaded = preloaded.clone();
        use_effect_with(props.source.clone(), move |source| {
            // Read before the first render (see `preloaded` above).
            if preloaded.replace(false) {
                return;
            }
            let on_loaded = dispatch.clone();
            let finish = move |loaded: Rc<Loaded>| {
                for action in start_actions(loaded, routing, start) {
                    on_loaded.dispatch(action);
                }
            };
            let on_failed = dispatch.clone();
            load_bundle(
                source.clone(),
                BUNDLE_READERS.0,
                BUNDLE_READERS.1,
                finish,
                move |message| {
                    on_failed.dispatch(Action::LoadFailed(message));
                },
            );
        });
    }

    // Course-page mode starts on the verdict card.
    {
        let dispatch = state.dispatcher();
        // Already there when the bundle was read before the first render.
        let shown = state.view == View::Verdict;
        use_effect_with(props.refund.is_some(), move |verdict| {
            if *verdict && !shown {
                dispatch.dispatch(Action::Show(View::Verdict));
            }
        });
    }
    // The refund rules: defaults, labelled with the bundle's Refund Policy, then the
    // bundle's overrides and the host's, each checked.
    let rules = use_memo(
        (
            state.loaded().cloned().map(ByPtr),
            props.refund_policy.clone(),
            state.catalog.lang(),
        ),
        |(loaded, option, lang)| {
            let loaded = loaded.as_ref().map(|l| l.0.clone());
            let document = loaded.as_ref().and_then(|l| {
                let current = l.bundle.document("refund-policy")?.current();
                Some((current.version.clone(), current.effective))
            });
            let mut problems = Vec::new();
            let mut overrides: Vec<(&str, serde_json::Value)> = Vec::new();
            if let Some(rules) = loaded.as_ref().and_then(|l| l.bundle.refund_policy.clone()) {
                overrides.push(("The bundle's refund_policy", rules));
            }
            if let Some(text) = option {
                match serde_json::from_str(text) {
                    Ok(value) => overrides.push(("The refund-policy attribute", value)),
                    Err(e) => problems.push(format!(
                        "The refund-policy attribute is not valid JSON ({e}); the refund rules ignore it."
                    )),
                }
            }
            let (policy, more) = refund::policy_for(
                document.as_ref().map(|(v, d)| (v.as_str(), *d)),
                &overrides.iter().map(|(s, v)| (*s, v)).collect::<Vec<_>>(),
            );
            problems.extend(more);
            // Each clause must lead to a section of the bundle's Refund Policy.
            let mut unlinked = Vec::new();
            let mut titles = Vec::new();
            if let Some(doc) = loaded
                .as_ref()
                .and_then(|l| l.bundle.document("refund-policy"))
            {
                let current = doc.current();
                let headings: Vec<(String, String)> = markdown::parse(&current.body)
                    .headings
                    .into_iter()
                    .map(|h| (h.slug, h.text))
                    .collect();
                let has = |s: &str| headings.iter().any(|(h, _)| h == s);
                problems.extend(policy.missing_sections(&doc.title, &current.version, has));
                unlinked = policy
                    .sections()
                    .into_iter()
                    .filter(|(_, slug)| !has(slug))
                    .map(|(_, slug)| slug.to_owned())
                    .collect();
                // "Read the rule: …" names the section as the policy titles it when the
                // policy is in the learner's language; else in the learner's words.
                if doc.is_in(lang.tag()) {
                    titles = headings;
                }
            }
            let problems: Vec<bundle::Problem> = problems
                .into_iter()
                .map(|message| {
                    platform::console_error(&message);
                    bundle::Problem {
                        document: None,
                        version: None,
                        path: "refund rules".into(),
                        message,
                    }
                })
                .collect();
            (
                Rc::new(policy),
                problems,
                Rc::new(unlinked),
                Rc::new(titles),
            )
        },
    );
    let policy: Rc<RefundPolicy> = rules.0.clone();

    // Following a fragment: through the address bar when the widget owns it.
    let follow = {
        let dispatch = state.dispatcher();
        let routing = props.routing;
        Callback::from(move |fragment: String| {
            if routing == Routing::Hash && platform::location_hash() != fragment {
                // The hashchange listener below dispatches, and Back can return here.
                platform::set_location_hash(&fragment);
            } else {
                dispatch.dispatch(Action::Follow(fragment));
            }
        })
    };

    // The host's remote control, and Back/Forward in the SPA.
    {
        let dispatch = state.dispatcher();
        let remote = props.remote.clone();
        let routing = props.routing;
        let follow = follow.clone();
        let seen = seen.clone();
        use_effect_with((), move |_| {
            remote.connect(follow);
            let listener = (routing == Routing::Hash)
                .then(|| {
                    // The view may have read the address a task before this effect runs
                    // (Yew can yield in between): an address changed meanwhile had no
                    // listener, so follow it now.
                    let here = platform::location_hash();
                    if here != *seen.borrow() {
                        seen.borrow_mut().clone_from(&here);
                        dispatch.dispatch(Action::Follow(here));
                    }
                    platform::on_hash_change(move |hash| {
                        seen.borrow_mut().clone_from(&hash);
                        dispatch.dispatch(Action::Follow(hash));
                    })
                })
                .flatten();
            move || {
                drop(listener);
                remote.disconnect();
            }
        });
    }

    let loaded = state.loaded().cloned();
    let route = state.route.clone();

    // The open document, parsed once per version.
    let open = loaded.as_ref().zip(route.as_ref()).and_then(|(l, r)| {
        let doc = l.bundle.document(&r.document)?;
        let version = match &r.version {
            Some(v) => doc.version(v)?,
            None => doc.current(),
        };
        Some((doc, version))
    });
    // Parsed versions are kept for as long as the bundle is the same: opening a document
    // again (or searching every document) does not parse it again.
    let cache = use_mut_ref(ParseCache::default);
    let parsed: Rc<Option<Rc<Document>>> = use_memo(
        (
            loaded.clone().map(ByPtr),
            open.as_ref()
                .map(|(d, v)| (d.id.clone(), v.version.clone())),
        ),
        |(bundle, _)| {
            open.as_ref().map(|(d, v)| {
                cache
                    .borrow_mut()
                    .parse(bundle.as_ref().map(|b| &b.0), &d.id, &v.version, &v.body)
            })
        },
    );
    let parsed: Option<Rc<Document>> = (*parsed).clone();

    // What changed in the open version since the one before, when asked for.
    let changes: Option<(String, Rc<Vec<diff::Change>>)> = {
        let wanted = route.as_ref().is_some_and(|r| r.changes);
        let memo = use_memo(
            (
                loaded.clone().map(ByPtr),
                open.as_ref()
                    .map(|(d, v)| (d.id.clone(), v.version.clone())),
                wanted,
            ),
            |_| {
                let (doc, version) = open.as_ref().filter(|_| wanted)?;
                let at = doc
                    .versions
                    .iter()
                    .position(|v| v.version == version.version)?;
                let before = doc.versions.get(at.checked_sub(1)?)?;
                // Two texts in one language: across a translation's gap, the originals.
                let (old, new) = doc.comparable(&before.version, &version.version)?;
                Some((
                    before.version.clone(),
                    Rc::new(diff::diff(&old.body, &new.body)),
                ))
            },
        );
        (*memo).clone()
    };

    // The open document's version list, built once per document.
    let versions: Rc<Vec<VersionEntry>> = use_memo(
        (
            loaded.clone().map(ByPtr),
            open.as_ref().map(|(d, _)| d.id.clone()),
        ),
        |_| {
            open.as_ref()
                .map(|(d, _)| d.versions.iter().map(VersionEntry::from).collect())
                .unwrap_or_default()
        },
    );

    // Keep the address bar canonical (fallbacks, dropped sections, current version),
    // and the tab's title saying what is open, when the widget is the page.
    {
        let routing = props.routing;
        let view = state.view;
        let title = match view {
            View::Refund => Some(cat.text(Msg::RefundCalculator)),
            _ => open.as_ref().map(|(d, _)| d.title.clone()),
        };
        let has_platform = loaded
            .as_ref()
            .is_some_and(|l| !l.bundle.platform.is_empty());
        let cat = cat.clone();
        let seen = seen.clone();
        // Every navigation, even to where the widget already is: `#terms-of-use@3` typed
        // over `#terms-of-use` (3 being current) is the same route, and its address still
        // needs the canonical form.
        let serial = state.nav_serial;
        use_effect_with(
            (route.clone(), title, view, serial),
            move |(route, title, view, _)| {
                if routing == Routing::Hash
                    && let Some(r) = route
                {
                    let fragment = match view {
                        View::Refund => REFUND_CALCULATOR.to_string(),
                        _ => r.to_fragment(),
                    };
                    let here = platform::location_hash();
                    // An address not yet followed has its `hashchange` on the way, and the
                    // view will follow it: leave it (and its history entry) alone.
                    if here != fragment && here == *seen.borrow() {
                        platform::replace_location_hash(&fragment);
                        *seen.borrow_mut() = fragment;
                    }
                    platform::set_page_language(cat.lang().tag());
                    if let Some(title) = title {
                        let page = if has_platform {
                            cat.with(Msg::PageTitle, &[("title", title)])
                        } else {
                            title.clone()
                        };
                        platform::set_page_title(&page);
                    }
                }
            },
        );
    }

    // Scroll to the section (or the top) after each navigation.
    {
        let root = root.clone();
        let dispatch = state.dispatcher();
        let parsed = parsed.clone();
        let loaded = loaded.clone();
        let owns_page = props.routing == Routing::Hash;
        let view = state.view;
        use_effect_with(
            (
                state.nav_serial,
                route.clone(),
                parsed.clone().map(ByPtr),
                view,
            ),
            move |(serial, route, _, view)| {
                if *view == View::Refund {
                    // On the page load the calculator is already at the top.
                    if *serial > 1
                        && let Some(el) = root.cast::<web_sys::Element>()
                    {
                        let how = platform::Reveal {
                            owns_page,
                            initial: *serial <= 1,
                            focus: *serial > 1,
                            center: false,
                        };
                        platform::reveal(&el, ".tw-refund-title", how);
                    }
                    return;
                }
                let (Some(el), Some(route), Some(parsed), Some(loaded)) =
                    (root.cast::<web_sys::Element>(), route, parsed, loaded)
                else {
                    return;
                };
                // The first navigation is the page load: nobody clicked, so focus stays
                // where the host page has it.
                let how = platform::Reveal {
                    owns_page,
                    initial: *serial <= 1,
                    focus: *serial > 1,
                    center: false,
                };
                match &route.section {
                    Some(section) => {
                        let slugs = parsed.headings.iter().map(|h| h.slug.as_str());
                        match route::check(route, &loaded.bundle, slugs) {
                            Ok(()) => {
                                platform::reveal_by_id(&el, section, how);
                            }
                            Err(e) => {
                                // A link in the original's words to a translation's section.
                                let translated =
                                    loaded.bundle.document(&route.document).and_then(|d| {
                                        let label = route
                                            .version
                                            .clone()
                                            .unwrap_or_else(|| d.current().version.clone());
                                        route::translated_section(d, &label, section)
                                    });
                                match translated {
                                    Some(slug) => {
                                        platform::reveal_by_id(&el, &slug, how);
                                    }
                                    None => dispatch.dispatch(Action::SectionMissing(e)),
                                }
                            }
                        }
                    }
                    None if how.focus => {
                        platform::reveal(&el, ".tw-doc-title", how);
                    }
                    None => {}
                }
            },
        );
    }

    // Search: matches in the open document.
    let query = state.query.trim().to_string();
    let matches: Rc<search::Matches> = {
        let parsed = parsed.clone();
        use_memo((parsed.clone().map(ByPtr), query.clone()), move |(_, q)| {
            parsed
                .as_ref()
                .map(|d| search::find_matches(d, q))
                .unwrap_or_default()
        })
    };
    // Search: counts in every document's current version, parsed only once a search starts.
    let all_current: Rc<Vec<(String, String, Rc<Document>)>> = {
        let loaded = loaded.clone();
        let cache = cache.clone();
        use_memo(
            (loaded.clone().map(ByPtr), query.is_empty()),
            move |(_, empty)| match (&loaded, empty) {
                (Some(l), false) => l
                    .bundle
                    .documents
                    .iter()
                    .map(|d| {
                        let current = d.current();
                        (
                            d.id.clone(),
                            d.title.clone(),
                            cache.borrow_mut().parse(
                                Some(l),
                                &d.id,
                                &current.version,
                                &current.body,
                            ),
                        )
                    })
                    .collect(),
                _ => Vec::new(),
            },
        )
    };
    // Counted once per search and place, not on every render (e.g. stepping matches).
    let elsewhere: Rc<Vec<(String, String, usize)>> = use_memo(
        (
            ByPtr(all_current.clone()),
            query.clone(),
            route
                .as_ref()
                .map(|r| (r.document.clone(), r.version.is_some())),
        ),
        |(all, query, here)| {
            all.0
                .iter()
                .filter(|(id, _, _)| {
                    here.as_ref()
                        .is_none_or(|(doc, old_version)| doc != id || *old_version)
                })
                .map(|(id, title, doc)| {
                    (id.clone(), title.clone(), search::count_matches(doc, query))
                })
                .filter(|(_, _, n)| *n > 0)
                .collect()
        },
    );
    // Matches, not pieces: a match across a link or emphasis is one.
    let total = matches.count();
    let current = (total > 0).then(|| state.current_match.min(total - 1));

    // Bring the current match into view when the reader steps through matches.
    {
        let root = root.clone();
        let owns_page = props.routing == Routing::Hash;
        use_effect_with(state.match_serial, move |_| {
            if let (Some(el), Some(i)) = (root.cast::<web_sys::Element>(), current) {
                let how = platform::Reveal {
                    owns_page,
                    initial: false,
                    focus: false,
                    center: true,
                };
                platform::reveal(&el, &format!("[data-match=\"{i}\"]"), how);
            }
        });
    }

    let on_query = {
        let d = state.dispatcher();
        Callback::from(move |q: String| d.dispatch(Action::SetQuery(q)))
    };
    let on_next = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::NextMatch(total)))
    };
    let on_prev = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::PrevMatch(total)))
    };
    let on_clear = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::ClearQuery))
    };
    let on_dismiss = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::DismissNotice))
    };

    let body = match (&state.load, &open, &parsed) {
        (Load::Loading, _, _) => html! {
            <p class="tw-status" role="status" aria-busy="true">{ cat.text(Msg::Loading) }</p>
        },
        (Load::Failed(message), _, _) => html! {
            <div class="tw-error" role="alert">
                <h2>{ cat.text(Msg::LoadFailed) }</h2>
                <p>{ message.clone() }</p>
            </div>
        },
        (Load::Ready(_), Some((doc, version)), Some(parsed)) => {
            let (doc, version) = (*doc, *version);
            let route = route
                .clone()
                .unwrap_or_else(|| Route::document(doc.id.clone()));
            let base = Route {
                section: None,
                changes: false,
                ..route.clone()
            }
            .to_fragment();
            let has_earlier = doc
                .versions
                .first()
                .is_some_and(|first| first.version != version.version);
            let is_current = doc.current().version == version.version;
            let until = doc
                .versions
                .iter()
                .find(|v| v.effective > version.effective)
                .and_then(|v| v.effective.pred_opt());
            let current_href = format!("#{}", doc.id);
            let older_notice = (!is_current).then(|| {
                let follow = follow.clone();
                let id = doc.id.clone();
                let onclick = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    follow.emit(id.clone());
                });
                let from = cat.date(version.effective);
                let (before, after) = match until {
                    Some(u) => cat.around(
                        Msg::OlderVersionUntil,
                        &[("from", &from), ("until", &cat.date(u))],
                        "link",
                    ),
                    None => cat.around(Msg::OlderVersion, &[("from", &from)], "link"),
                };
                html! {
                    <p class="tw-older" role="note">
                        { before }
                        <a href={current_href} {onclick}>{ cat.text(Msg::ReadCurrentVersion) }</a>
                        { after }
                    </p>
                }
            });
            let effective_msg = if is_current {
                Msg::InEffectSince
            } else {
                Msg::EffectiveOn
            };
            let (effective_before, effective_after) = cat.around(effective_msg, &[], "date");
            // The language of the text on screen: the version's, or for what changed
            // across a translation's gap, the originals'.
            let shown_lang = match &changes {
                Some((from, _)) => doc.comparison_lang(from, &version.version),
                None => doc.lang_of(&version.version),
            }
            .to_string();
            let shown_lang_is_ui = cat.speaks(&shown_lang);
            html! {
                <article class="tw-doc" part="document" aria-labelledby="tw-doc-title">
                    <header class="tw-doc-header">
                        <h1 id="tw-doc-title" class="tw-doc-title" part="title" tabindex="-1" dir="auto" lang={doc.lang.clone()}>{ doc.title.clone() }</h1>
                        <p class="tw-meta">
                            <span class="tw-version">{ cat.with(Msg::VersionLabel, &[("version", &version.version)]) }</span>
                            {" · "}
                            <span class="tw-effective">
                                { effective_before }
                                <time datetime={version.effective.to_string()}>{ cat.date(version.effective) }</time>
                                { effective_after }
                            </span>
                            { if is_current { html! { <span class="tw-badge">{ cat.text(Msg::CurrentBadge) }</span> } } else { html! {} } }
                        </p>
                        { older_notice }
                        if !shown_lang_is_ui {
                            <p class="tw-older tw-lang-note" role="note">{ cat.text(Msg::ShownInOriginalLanguage) }</p>
                        }
                    </header>
                    if let Some((from, list)) = changes.clone() {
                        <ChangesView changes={list} {from} to={version.version.clone()}
                            full_text={base.clone()} on_fragment={follow.clone()} />
                    } else {
                        if has_earlier {
                            <p class="tw-changes-link">
                                <FragmentLink fragment={format!("{base}/~changes")} on_fragment={follow.clone()}>
                                    { cat.with(Msg::WhatChangedInVersion, &[("version", &version.version)]) }
                                </FragmentLink>
                                {" · "}{ version.summary.clone() }
                            </p>
                        }
                        <Toc headings={parsed.headings.clone()} base={base.clone()} on_fragment={follow.clone()} />
                        <MarkdownView
                            doc={parsed.clone()}
                            matches={matches.clone()}
                            {current}
                            base={base.clone()}
                            on_fragment={follow.clone()}
                            lang={AttrValue::from(shown_lang.clone())}
                        />
                    }
                    <VersionHistory
                        document={doc.id.clone()}
                        versions={versions.clone()}
                        shown={version.version.clone()}
                        on_fragment={follow.clone()}
                        archived={Rc::new(doc.archived.clone())}
                    />
                </article>
            }
        }
        (Load::Ready(_), _, _) => html! {
            <p class="tw-status" role="status">{ cat.text(Msg::NoDocuments) }</p>
        },
    };

    let nav_items: Vec<NavItem> = loaded
        .as_ref()
        .map(|l| {
            l.bundle
                .documents
                .iter()
                .map(|d| NavItem {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    lang: d.lang.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let platform_name = loaded
        .as_ref()
        .map(|l| l.bundle.platform.clone())
        .filter(|p| !p.is_empty());
    let problems = Rc::new(
        loaded
            .as_ref()
            .map(|l| l.problems.clone())
            .unwrap_or_default()
            .into_iter()
            .chain(rules.1.iter().cloned())
            .collect::<Vec<_>>(),
    );

    let skip = {
        let root = root.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(el) = root.cast::<web_sys::Element>() {
                let how = platform::Reveal {
                    owns_page: false,
                    initial: false,
                    focus: true,
                    center: false,
                };
                platform::reveal(&el, ".tw-doc-title", how);
            }
        })
    };

    if state.view == View::Verdict
        && let Some(input) = props.refund.clone()
    {
        let rule_problems = Rc::new(rules.1.clone());
        return html! {
            <ContextProvider<Rc<Catalog>> context={cat.clone()}>
                <div class="tw tw-verdict-only" ref={root}>
                    <ProblemList problems={rule_problems} />
                    <RefundVerdictCard {input} {policy} on_open_clause={follow.clone()} unlinked={rules.2.clone()} section_titles={rules.3.clone()} />
                </div>
            </ContextProvider<Rc<Catalog>>>
        };
    }

    let has_refund_policy = loaded
        .as_ref()
        .is_some_and(|l| l.bundle.document("refund-policy").is_some());
    let back_to_verdict = props.refund.is_some().then(|| {
        let d = state.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::Show(View::Verdict)));
        html! {
            <button type="button" class="tw-link-button tw-back" {onclick}>{ cat.text(Msg::BackToVerdict) }</button>
        }
    });
    let main = if state.view == View::Refund {
        html! { <RefundCalculator {policy} on_open_clause={follow.clone()} unlinked={rules.2.clone()} section_titles={rules.3.clone()} /> }
    } else {
        body
    };

    // Landmarks. The SPA owns the page: its content is the page's `main`. An embedded
    // widget sits in the host's landmarks; its own are named after it (the host's label,
    // else the open document), so two widgets on one page never repeat a name.
    let owns_page = props.routing == Routing::Hash;
    let scope = LandmarkScope(
        (!owns_page)
            .then(|| {
                props.label.clone().or_else(|| match state.view {
                    View::Refund => Some(AttrValue::from(cat.text(Msg::RefundCalculator))),
                    _ => open.as_ref().map(|(d, _)| AttrValue::from(d.title.clone())),
                })
            })
            .flatten(),
    );
    let region = (!owns_page).then(|| props.label.clone()).flatten();
    let tools_label = scope.name(&cat, Msg::ToolsLabel);
    let page_tag = if owns_page { "main" } else { "div" };
    let bar_tag = if owns_page { "header" } else { "div" };

    html! {
        <ContextProvider<Rc<Catalog>> context={cat.clone()}>
        <ContextProvider<LandmarkScope> context={scope.clone()}>
        <div class="tw" ref={root} role={region.is_some().then_some("region")} aria-label={region}>
            // The page's banner in the SPA; in an embedded widget just its bar (the host
            // page has its own banner). The skip link sits inside it, in a landmark.
            <@{bar_tag} class="tw-bar" part="bar">
            <a class="tw-skip" href="#" onclick={skip}>{ cat.text(Msg::SkipToDocument) }</a>
                <p class="tw-brand">
                    { platform_name.map(|p| html! { <bdi class="tw-platform">{ p }</bdi> }) }
                    <span class="tw-brand-sub">{ cat.text(Msg::BrandSubtitle) }</span>
                </p>
                <SearchBar
                    query={state.query.clone()}
                    {total}
                    {current}
                    elsewhere={elsewhere.clone()}
                    {on_query}
                    {on_next}
                    {on_prev}
                    {on_clear}
                    on_fragment={follow.clone()}
                />
            </@>
            <@{page_tag} class="tw-page">
            <ProblemList {problems} />
            if let Some(notice) = state.notice.clone() {
                <p class="tw-notice" role="status">
                    { notice }
                    {" "}
                    <button type="button" class="tw-link-button" onclick={on_dismiss}>{ cat.text(Msg::Dismiss) }</button>
                </p>
            }
            <div class="tw-body">
                <div class="tw-side">
                    { back_to_verdict }
                    <DocNav
                        items={Rc::new(nav_items)}
                        current={(state.view == View::Documents).then(|| route.as_ref().map(|r| r.document.clone())).flatten()}
                        on_fragment={follow.clone()}
                    />
                    // The calculator explains itself with the Refund Policy's sections, so it
                    // is offered only alongside a document with that id.
                    if has_refund_policy {
                    <nav class="tw-tools" aria-label={tools_label}>
                        <ul>
                            <li>
                                <FragmentLink
                                    fragment={REFUND_CALCULATOR}
                                    on_fragment={follow.clone()}
                                    class={classes!("tw-tool-link", (state.view == View::Refund).then_some("tw-here"))}
                                    current={(state.view == View::Refund).then_some(AttrValue::Static("page"))}
                                >{ cat.text(Msg::RefundCalculator) }</FragmentLink>
                            </li>
                        </ul>
                    </nav>
                    }
                </div>
                <div class="tw-main">{ main }</div>
            </div>
            </@>
        </div>
        </ContextProvider<LandmarkScope>>
        </ContextProvider<Rc<Catalog>>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_remote_keeps_what_the_host_asked_before_the_app_was_ready() {
        let remote = Remote::default();
        let followed = Rc::new(RefCell::new(Vec::new()));
        let log = followed.clone();
        let follow = Callback::from(move |f: String| log.borrow_mut().push(f));
        // Asked twice before the app's effects ran: the last one counts.
        remote.follow("privacy-policy");
        remote.follow("honor-code");
        remote.connect(follow);
        remote.follow("refund-policy/guided-projects");
        assert_eq!(
            *followed.borrow(),
            ["honor-code", "refund-policy/guided-projects"]
        );
        // Once the app is gone, nothing reaches it.
        remote.disconnect();
        remote.follow("terms-of-use");
        assert_eq!(followed.borrow().len(), 2);
    }
}
