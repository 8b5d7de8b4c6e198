//! The browser's privacy signals (Global Privacy Control, Do Not Track) at the time of a
//! decision.

use serde::Serialize;

/// The browser's privacy signals at the time of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Signals {
    /// Global Privacy Control (`navigator.globalPrivacyControl`, `Sec-GPC: 1`).
    pub gpc: bool,
    /// Do Not Track (`navigator.doNotTrack == "1"`, `DNT: 1`).
    pub dnt: bool,
}

impl Signals {
    /// No signal.
    pub const NONE: Signals = Signals {
        gpc: false,
        dnt: false,
    };

    /// Is any signal on?
    pub fn any(self) -> bool {
        self.gpc || self.dnt
    }

    /// Was every signal that is on in `now` also on in `self`?
    pub(crate) fn covers(self, now: Signals) -> bool {
        (!now.gpc || self.gpc) && (!now.dnt || self.dnt)
    }
}
