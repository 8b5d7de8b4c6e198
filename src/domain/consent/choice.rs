//! A learner's answer for one category ([`Choice`]) and how a decision was given
//! ([`Method`]).

use serde::{Deserialize, Serialize};

/// A learner's answer for one category. (De)serialises as `"granted"` or `"denied"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Choice {
    /// Switched on: the category's storage and processing may be used.
    Granted,
    /// Switched off.
    Denied,
}

impl Choice {
    /// The storage form: `granted` or `denied`.
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Granted => "granted",
            Choice::Denied => "denied",
        }
    }

    /// Reads the storage form.
    pub fn parse(text: &str) -> Option<Choice> {
        match text {
            "granted" => Some(Choice::Granted),
            "denied" => Some(Choice::Denied),
            _ => None,
        }
    }
}

/// How a decision was given. (De)serialises as its name, e.g. `"browser-signal"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", try_from = "String")]
pub enum Method {
    /// The consent banner.
    Banner,
    /// The *Privacy choices* page.
    Preferences,
    /// Recorded automatically from the browser's Global Privacy Control or Do Not Track.
    BrowserSignal,
    /// Through the platform's API, on the learner's instruction elsewhere.
    Api,
}

impl Method {
    /// The storage form: `banner`, `preferences`, `browser-signal` or `api`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Banner => "banner",
            Method::Preferences => "preferences",
            Method::BrowserSignal => "browser-signal",
            Method::Api => "api",
        }
    }

    /// Reads the storage form.
    pub fn parse(text: &str) -> Option<Method> {
        match text {
            "banner" => Some(Method::Banner),
            "preferences" => Some(Method::Preferences),
            "browser-signal" => Some(Method::BrowserSignal),
            "api" => Some(Method::Api),
            _ => None,
        }
    }

    /// The method in a few words, for a consent receipt's `collectionMethod`.
    pub fn collection_method(self) -> &'static str {
        match self {
            Method::Banner => {
                "Consent banner on the website, with every optional category off until switched on"
            }
            Method::Preferences => {
                "Privacy choices page, where each optional category is switched on or off"
            }
            Method::BrowserSignal => {
                "Browser privacy signal (Global Privacy Control or Do Not Track), honoured as a refusal of the optional categories"
            }
            Method::Api => "Recorded through the platform's API on the learner's instruction",
        }
    }
}

impl TryFrom<String> for Choice {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Choice, Self::Error> {
        Choice::parse(&text).ok_or("not \"granted\" or \"denied\"")
    }
}

impl TryFrom<String> for Method {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Method, Self::Error> {
        Method::parse(&text).ok_or("not a method")
    }
}
