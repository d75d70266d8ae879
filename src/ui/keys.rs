//! Keyboard movement inside a group of items that is one tab stop (a "roving" focus, as in
//! the step list): the arrow keys move by one, Home and End jump to the ends, and nothing
//! wraps around. Pure, so it is tested natively.

/// The item `key` moves to from item `at` of `n` (`None` when the key does not move, or there
/// is nothing to move to).
pub fn roving(key: &str, at: usize, n: usize) -> Option<usize> {
    let last = n.checked_sub(1)?;
    match key {
        "ArrowDown" | "ArrowRight" => Some((at + 1).min(last)),
        "ArrowUp" | "ArrowLeft" => Some(at.min(last).saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}
