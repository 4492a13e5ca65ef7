//! A resource whose answer carries the request it answers: a screen that asks again as the
//! administrator types can tell a stale answer from the current one.

use std::future::Future;

use leptos::prelude::*;

/// Asks `ask` whenever `request` changes; the answer comes back paired with its request.
pub fn answered<Q, A, Fut>(
    request: Memo<Q>,
    ask: impl Fn(Q) -> Fut + 'static,
) -> LocalResource<(Q, A)>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    A: 'static,
    Fut: Future<Output = A> + 'static,
{
    LocalResource::new(move || {
        let asked = request.get();
        let answer = ask(asked.clone());
        async move { (asked, answer.await) }
    })
}
