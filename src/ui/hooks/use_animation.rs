//! One animation loop for every widget: while `running`, calls `step` on each animation frame
//! with the eased progress p (0 → 1 over `millis`), the last call with exactly 1. Under
//! prefers-reduced-motion it jumps straight to 1. With `millis` = ∞ it runs until stopped, p
//! staying 0 (a training loop: one step per frame; the jump to 1 means "go to the end"). Stopping (running false, or unmounting)
//! drops the pending frame.

use crate::math::clamp;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use super::use_canvas_size::prefers_reduced_motion;

struct Loop {
    millis: f64,
    start: Cell<Option<f64>>,
    frame: RefCell<Option<AnimationFrame>>,
    step: Callback<f64>,
}

impl Loop {
    fn schedule(self: &Rc<Self>) {
        let me = self.clone();
        *self.frame.borrow_mut() = Some(request_animation_frame(move |t| me.tick(t)));
    }

    fn tick(self: &Rc<Self>, now: f64) {
        let start = self.start.get().unwrap_or(now);
        self.start.set(Some(start));
        let p = clamp((now - start) / self.millis, 0.0, 1.0);
        // Smoothstep: slow at both ends.
        self.step.emit(p * p * (3.0 - 2.0 * p));
        if p < 1.0 {
            self.schedule();
        }
    }
}

/// See the module documentation. `step` is the one given when `running` became true.
#[hook]
pub fn use_animation(running: bool, millis: f64, step: Callback<f64>) {
    use_effect_with(running, move |running| {
        let mut looping = None;
        if *running {
            if prefers_reduced_motion() {
                step.emit(1.0);
            } else {
                let l = Rc::new(Loop {
                    millis,
                    start: Cell::new(None),
                    frame: RefCell::new(None),
                    step,
                });
                l.schedule();
                looping = Some(l);
            }
        }
        move || {
            if let Some(l) = looping {
                l.frame.borrow_mut().take();
            }
        }
    });
}
