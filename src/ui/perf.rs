//! Redraw timings, kept in memory so the browser benchmark can read them (`redraw_times`).

use std::cell::RefCell;

thread_local! {
    static REDRAWS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    static SAMPLINGS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

fn push(log: &'static std::thread::LocalKey<RefCell<Vec<f64>>>, ms: f64) {
    log.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= 1000 {
            r.remove(0);
        }
        r.push(ms);
    });
}

/// Records one curve sampling's duration in milliseconds.
pub fn record_sampling(ms: f64) {
    push(&SAMPLINGS, ms);
}

/// All recorded sampling durations, oldest first.
pub fn sampling_times() -> Vec<f64> {
    SAMPLINGS.with(|r| r.borrow().clone())
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
    push(&REDRAWS, ms);
}

/// All recorded redraw durations, oldest first.
pub fn redraw_times() -> Vec<f64> {
    REDRAWS.with(|r| r.borrow().clone())
}

/// Forgets recorded durations.
pub fn clear() {
    REDRAWS.with(|r| r.borrow_mut().clear());
    SAMPLINGS.with(|r| r.borrow_mut().clear());
}

/// The median and 95th percentile of `v` (0 for an empty list).
pub fn median_p95(v: &[f64]) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let mut v = v.to_vec();
    crate::math::sort::sort_by(&mut v, f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

thread_local! {
    static RENDERS: RefCell<Vec<(&'static str, u32)>> = const { RefCell::new(Vec::new()) };
}

/// Counts one render of the component `name` (the benchmark reports renders per frame).
pub fn count_render(name: &'static str) {
    RENDERS.with(|r| {
        let mut r = r.borrow_mut();
        match r.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 += 1,
            None => r.push((name, 1)),
        }
    });
}

/// Renders counted so far, by component, and forgets them.
pub fn take_renders() -> Vec<(&'static str, u32)> {
    RENDERS.with(|r| std::mem::take(&mut *r.borrow_mut()))
}
