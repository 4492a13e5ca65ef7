//! A measure screen's state and actions, apart from its views (the wipe wizard's shape): what
//! was entered, the preview and its answer, the model's verdict, what keeps OK disabled, and
//! registering. Plain signals, so the views only read it and call [`MeasureState::submit`].

use leptos::prelude::*;
use mdm_model::measure::{
    Measure, MeasurePreview, MeasurePreviewRequest, MeasureRegistered, MeasureRequest,
};
use mdm_model::wipe::WipeSelection;

use super::backend::MeasureBackend;
use super::form::{blockers, Blocker, FormField, MeasureForm, Messages, PreviewState};
use super::mac_probe::lock_reaches_a_mac;
use crate::api::ApiError;
use crate::components::answered::answered;
use crate::components::focus_later;
use crate::components::registering::{follow_registration, Registering};
use crate::i18n::use_locale;
use crate::idempotency::{new_key, KeyRing};

/// A summary answer with the request it answers, so a stale answer is recognised.
pub type SummaryAnswer = (MeasurePreviewRequest, Result<MeasurePreview, ApiError>);

/// Everything a measure's screen holds.
#[derive(Clone, Copy)]
pub struct MeasureState {
    pub measure: Measure,
    pub form: RwSignal<MeasureForm>,
    /// The portal's answer once it registered the jobs.
    pub done: RwSignal<Option<MeasureRegistered>>,
    /// The preview of the whole selection (its counts); the device lists page on their own.
    pub preview_request: Memo<MeasurePreviewRequest>,
    pub summary: LocalResource<SummaryAnswer>,
    pub preview_state: Memo<PreviewState>,
    /// Whether a Mac gets a lock job (the PIN field shows).
    pub macs: Signal<bool>,
    pub messages: Memo<Messages>,
    pub blocked_by: Memo<Vec<Blocker>>,
    pub pending: Memo<bool>,
    attempted: RwSignal<bool>,
    refusal: RwSignal<Option<ApiError>>,
    chosen: StoredValue<WipeSelection>,
    keys: StoredValue<KeyRing>,
    register: Action<(MeasureRequest, String), Result<MeasureRegistered, ApiError>>,
}

impl MeasureState {
    /// The screen of `measure` as it opens for `selection`, talking to `backend`.
    pub fn start(
        measure: Measure,
        selection: WipeSelection,
        backend: MeasureBackend,
        on_registered: Callback<MeasureRegistered>,
    ) -> MeasureState {
        let locale = use_locale();
        let form = RwSignal::new(MeasureForm::default());
        let chosen = StoredValue::new(selection);
        let preview_request = Memo::new(move |_| MeasurePreviewRequest {
            selection: chosen.get_value(),
            measure,
            applicable: None,
            page: 1,
            per_page: 1,
        });
        let summary: LocalResource<SummaryAnswer> = {
            let backend = backend.clone();
            answered(preview_request, move |asked| backend.preview(asked))
        };
        let preview_state = Memo::new(move |_| match summary.get() {
            Some((_, Ok(preview))) => PreviewState::Ready {
                applicable: preview.applicable,
                left_out: preview.left_out,
            },
            Some((_, Err(_))) => PreviewState::Failed,
            None => PreviewState::Loading,
        });
        let macs = mac_signal(measure, chosen, backend.clone());
        let register = Action::new_local(move |(request, key): &(MeasureRequest, String)| {
            let (backend, request, key) = (backend.clone(), request.clone(), key.clone());
            async move { backend.register(request, key).await }
        });
        let attempted = RwSignal::new(false);
        let refusal = RwSignal::new(None::<ApiError>);
        let messages = Memo::new(move |_| {
            let check = form.with(|f| f.check(measure, macs.get()));
            let mut messages = Messages::from_check(&check, attempted.get(), locale.lang());
            if let Some(error) = refusal.get() {
                messages.extend(Messages::from_refusal(&error, locale.lang()));
            }
            messages
        });
        let state = MeasureState {
            measure,
            form,
            done: RwSignal::new(None),
            preview_request,
            summary,
            preview_state,
            macs,
            messages,
            blocked_by: Memo::new(move |_| {
                form.with(|f| blockers(f, measure, preview_state.get()))
            }),
            pending: register.pending(),
            attempted,
            refusal,
            chosen,
            keys: StoredValue::new(KeyRing::default()),
            register,
        };
        state.follow_registration(on_registered);
        state
    }

    /// The portal's answer to OK: the done panel naming the measure, or the refusal placed next
    /// to its field (an option, the password) or above OK (devices it does not apply to).
    fn follow_registration(self, on_registered: Callback<MeasureRegistered>) {
        // The language when the answer comes, which may not be the one of the request.
        let locale = use_locale();
        let on_done = move |registered: MeasureRegistered| {
            self.done.set(Some(registered.clone()));
            on_registered.run(registered);
        };
        let on_refused = move |error: &ApiError| {
            let placed = Messages::from_refusal(error, locale.lang_untracked());
            if let Some(field) = placed.first_field() {
                focus_later(field.input_id());
            }
        };
        let screen = Registering {
            form: self.form,
            register: self.register,
            refusal: self.refusal,
        };
        follow_registration(screen, on_done, on_refused);
    }

    /// OK: the model's verdict first (focus on the first field to fix), then what the preview
    /// says, then the registration with an idempotency key kept for the same request.
    pub fn submit(&self) {
        if self.pending.get_untracked() {
            return;
        }
        self.attempted.set(true);
        let macs = self.macs.get_untracked();
        let check = self.form.with_untracked(|f| f.check(self.measure, macs));
        let placed = Messages::from_check(&check, true, locale_lang());
        if let Some(field) = placed.first_field() {
            focus_later(field.input_id());
            return;
        }
        if !self.blocked_by.get_untracked().is_empty() {
            return;
        }
        let Some(request) = self
            .form
            .with_untracked(|f| self.chosen.with_value(|s| f.request(self.measure, s, macs)))
        else {
            return;
        };
        let key = self
            .keys
            .try_update_value(|ring| ring.key_for(&request, new_key))
            .unwrap_or_else(new_key);
        self.register.dispatch_local((request, key));
    }

    /// The number of devices OK registers jobs for, once the preview answered.
    pub fn registered_devices(&self) -> Option<u64> {
        match self.preview_state.get() {
            PreviewState::Ready { applicable, .. } => Some(applicable),
            _ => None,
        }
    }

    /// The messages of one field.
    pub fn field_messages(&self, field: FormField) -> Signal<Vec<String>> {
        let messages = self.messages;
        Signal::derive(move || messages.with(|m| m.for_field(field)))
    }
}

fn locale_lang() -> mdm_model::Lang {
    use_locale().lang_untracked()
}

/// Whether the lock reaches a Mac (false for the other measures, and until the portal said).
fn mac_signal(
    measure: Measure,
    chosen: StoredValue<WipeSelection>,
    backend: MeasureBackend,
) -> Signal<bool> {
    if measure != Measure::Lock {
        return Signal::stored(false);
    }
    let probe = LocalResource::new(move || {
        let (backend, selection) = (backend.clone(), chosen.get_value());
        lock_reaches_a_mac(backend, selection)
    });
    Signal::derive(move || probe.get().unwrap_or(false))
}
