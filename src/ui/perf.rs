//! Redraw timings, kept in memory so the browser benchmark can read them (`redraw_times`).

use std::cell::RefCell;

thread_local! {
    static REDRAWS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// Milliseconds since navigation started (0 outside a browser window).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Records one plot redraw's duration in milliseconds (the last 1000 are kept).
pub fn record_redraw(ms: f64) {
    REDRAWS.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= 1000 {
            r.remove(0);
        }
        r.push(ms);
    });
}

/// All recorded redraw durations, oldest first.
pub fn redraw_times() -> Vec<f64> {
    REDRAWS.with(|r| r.borrow().clone())
}

/// Forgets recorded durations.
pub fn clear_redraw_times() {
    REDRAWS.with(|r| r.borrow_mut().clear());
}
