//! An `Rc` compared by identity, for props and memo keys: a new value is a new `Rc`, and
//! comparing a study or a field by value on every render would be wasted work (or
//! impossible). Props hold `ByPtr<Study>` and derive `PartialEq`, so no field can be left
//! out of a hand-written comparison; an `Rc<T>` is accepted wherever a `ByPtr<T>` prop is.

use std::ops::Deref;
use std::rc::Rc;

use yew::html::IntoPropValue;

#[derive(Clone)]
pub struct ByPtr<T>(pub Rc<T>);

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

impl<T> Deref for ByPtr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> IntoPropValue<ByPtr<T>> for Rc<T> {
    fn into_prop_value(self) -> ByPtr<T> {
        ByPtr(self)
    }
}
