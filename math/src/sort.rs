//! One small stable sort for the whole site. The standard library's sorts are built for huge
//! inputs, and every element type they sort brings several kilobytes of WebAssembly with it;
//! Slope sorts at most a few thousand items at a time (a plot's samples, a sum's terms), for
//! which runs of insertion sort merged bottom-up are quick and a few hundred bytes each.

use std::cmp::Ordering;

/// Items sorted by insertion before merging begins.
const RUN: usize = 16;

/// Sorts `v` by `cmp`, keeping equal items in their order (stable).
pub fn sort_by<T: Clone>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    for run in v.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(&run[j - 1], &run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    if n <= RUN {
        return;
    }
    let mut buf = v.to_vec();
    let mut in_v = true;
    let mut width = RUN;
    while width < n {
        if in_v {
            merge_pass(v, &mut buf, width, &mut cmp);
        } else {
            merge_pass(&buf, v, width, &mut cmp);
        }
        in_v = !in_v;
        width *= 2;
    }
    if !in_v {
        v.clone_from_slice(&buf);
    }
}

/// Merges neighbouring sorted runs of `width` items from `src` into `dst`.
fn merge_pass<T: Clone>(
    src: &[T],
    dst: &mut [T],
    width: usize,
    cmp: &mut impl FnMut(&T, &T) -> Ordering,
) {
    let n = src.len();
    let mut lo = 0;
    while lo < n {
        let mid = (lo + width).min(n);
        let hi = (lo + 2 * width).min(n);
        let (mut i, mut j) = (lo, mid);
        for slot in &mut dst[lo..hi] {
            // Take from the left run unless the right one is strictly smaller: stable.
            let left = i < mid && (j >= hi || cmp(&src[j], &src[i]) != Ordering::Less);
            if left {
                *slot = src[i].clone();
                i += 1;
            } else {
                *slot = src[j].clone();
                j += 1;
            }
        }
        lo = hi;
    }
}
