//! A lesson's state as a Yew reducer. The state and its `apply` are pure Rust, tested
//! natively; [`Model`] wraps any of them for `use_reducer`, one generic type instead of a
//! wrapper per lesson.

/// A state that takes actions.
pub trait Apply: Clone {
    type Action;
    fn apply(self, action: Self::Action) -> Self;
}

/// Any [`Apply`] state as a Yew reducer.
#[cfg(target_arch = "wasm32")]
#[derive(PartialEq)]
pub struct Model<S>(pub S);

#[cfg(target_arch = "wasm32")]
impl<S: Apply + PartialEq + 'static> yew::Reducible for Model<S> {
    type Action = S::Action;
    fn reduce(self: std::rc::Rc<Self>, action: S::Action) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Model(self.0.clone().apply(action)))
    }
}
