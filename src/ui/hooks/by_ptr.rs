//! An `Rc` compared by identity, for memo keys: a new value is a new `Rc`, and comparing a
//! study or a field by value on every render would be wasted work (or impossible).

use std::rc::Rc;

#[derive(Clone)]
pub struct ByPtr<T>(pub Rc<T>);

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}
