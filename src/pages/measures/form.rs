//! A measure's screen as plain data: what was entered, the options and request it makes, which
//! messages go next to which field, and what still keeps OK disabled. The option rules are the
//! model's (`MeasureOptions::problems`, the portal's own check); this file only places them.

use mdm_model::apple::measures::LOCK_PIN_LENGTH;
use mdm_model::command::android::MAX_WIPE_REASON_CHARS;
use mdm_model::measure::{
    LockOptions, LostModeOptions, Measure, MeasureField, MeasureOptions, MeasureProblem,
    MeasureRequest, RemoveCompanyDataOptions, MAX_LOCK_MESSAGE_CHARS, MAX_LOST_MODE_TEXT_CHARS,
    MAX_PHONE_NUMBER_CHARS,
};
use mdm_model::wipe::WipeSelection;
use mdm_model::{ErrorCode, ErrorDetails, Lang};

use crate::api::ApiError;
use crate::components::FieldMessages;
use crate::i18n::{catalog, MeasuresText};

/// A field of the screen: a text option of the measure, the password, or 同意する.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Option(MeasureField),
    Password,
    Agreed,
}

impl FormField {
    /// Where a problem of the model's `field` is shown; none for the selection, whose messages
    /// go above OK with the preview that explains them.
    pub fn of(field: MeasureField) -> Option<FormField> {
        match field {
            MeasureField::Selection => None,
            MeasureField::Agreed => Some(FormField::Agreed),
            text => Some(FormField::Option(text)),
        }
    }

    /// The field a portal error names (`field`: a MeasureField wire name, or `password`).
    pub fn from_wire(field: &str) -> Option<FormField> {
        match field {
            "password" => Some(FormField::Password),
            other => other.parse().ok().and_then(FormField::of),
        }
    }

    /// Element id (also `data-testid`) of the field's input.
    pub fn input_id(self) -> &'static str {
        match self {
            FormField::Option(MeasureField::Message) => "measure-message",
            FormField::Option(MeasureField::PhoneNumber) => "measure-phone_number",
            FormField::Option(MeasureField::Footnote) => "measure-footnote",
            FormField::Option(MeasureField::Pin) => "measure-pin",
            FormField::Option(MeasureField::ReasonMessage) => "measure-reason_message",
            FormField::Option(MeasureField::Selection) => "measure-preview-title",
            FormField::Password => "measure-password",
            FormField::Agreed | FormField::Option(MeasureField::Agreed) => "measure-agree",
        }
    }

    /// Element id (also `data-testid`) of the messages under the field.
    pub fn error_id(self) -> &'static str {
        match self {
            FormField::Option(MeasureField::Message) => "measure-error-message",
            FormField::Option(MeasureField::PhoneNumber) => "measure-error-phone_number",
            FormField::Option(MeasureField::Footnote) => "measure-error-footnote",
            FormField::Option(MeasureField::Pin) => "measure-error-pin",
            FormField::Option(MeasureField::ReasonMessage) => "measure-error-reason_message",
            FormField::Option(MeasureField::Selection) => "measure-error-general",
            FormField::Password => "measure-error-password",
            FormField::Agreed | FormField::Option(MeasureField::Agreed) => "measure-error-agreed",
        }
    }
}

/// The option fields `measure` shows, in order; the Mac's PIN only when the selection holds a
/// Mac the lock applies to.
pub fn option_fields(measure: Measure, macs: bool) -> Vec<MeasureField> {
    match measure {
        Measure::Lock if macs => vec![
            MeasureField::Message,
            MeasureField::PhoneNumber,
            MeasureField::Pin,
        ],
        Measure::Lock => vec![MeasureField::Message, MeasureField::PhoneNumber],
        Measure::LostModeOn => vec![
            MeasureField::Message,
            MeasureField::PhoneNumber,
            MeasureField::Footnote,
        ],
        Measure::RemoveCompanyData => vec![MeasureField::ReasonMessage],
        _ => Vec::new(),
    }
}

/// The most characters a field takes, as the model's rules count them.
pub fn max_chars(measure: Measure, field: MeasureField) -> usize {
    match field {
        MeasureField::Message if measure == Measure::Lock => MAX_LOCK_MESSAGE_CHARS,
        MeasureField::Message | MeasureField::Footnote => MAX_LOST_MODE_TEXT_CHARS,
        MeasureField::PhoneNumber => MAX_PHONE_NUMBER_CHARS,
        MeasureField::Pin => LOCK_PIN_LENGTH,
        MeasureField::ReasonMessage => MAX_WIPE_REASON_CHARS,
        MeasureField::Selection | MeasureField::Agreed => 0,
    }
}

/// Everything entered on a measure's screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasureForm {
    pub message: String,
    pub phone_number: String,
    pub footnote: String,
    pub pin: String,
    pub reason_message: String,
    pub password: String,
    /// 同意する.
    pub agreed: bool,
    /// Register the devices the measure applies to and leave out the others.
    pub skip_not_applicable: bool,
}

/// A text as the request carries it: trimmed, absent when blank.
fn sent(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

impl MeasureForm {
    /// What was typed in an option field.
    pub fn text(&self, field: MeasureField) -> &str {
        match field {
            MeasureField::Message => &self.message,
            MeasureField::PhoneNumber => &self.phone_number,
            MeasureField::Footnote => &self.footnote,
            MeasureField::Pin => &self.pin,
            MeasureField::ReasonMessage => &self.reason_message,
            MeasureField::Selection | MeasureField::Agreed => "",
        }
    }

    /// Types `value` into an option field.
    pub fn set_text(&mut self, field: MeasureField, value: String) {
        match field {
            MeasureField::Message => self.message = value,
            MeasureField::PhoneNumber => self.phone_number = value,
            MeasureField::Footnote => self.footnote = value,
            MeasureField::Pin => self.pin = value,
            MeasureField::ReasonMessage => self.reason_message = value,
            MeasureField::Selection | MeasureField::Agreed => {}
        }
    }

    /// The options of `measure` (none for the wipe, which has its own screen). A PIN typed
    /// while no Mac is selected is not sent: its field is not shown.
    pub fn options(&self, measure: Measure, macs: bool) -> Option<MeasureOptions> {
        Some(match measure {
            Measure::Lock => MeasureOptions::Lock(LockOptions {
                message: sent(&self.message),
                phone_number: sent(&self.phone_number),
                pin: sent(&self.pin).filter(|_| macs),
            }),
            Measure::LostModeOn => MeasureOptions::LostModeOn(LostModeOptions {
                message: sent(&self.message),
                phone_number: sent(&self.phone_number),
                footnote: sent(&self.footnote),
            }),
            Measure::LostModeOff => MeasureOptions::LostModeOff,
            Measure::Locate => MeasureOptions::Locate,
            Measure::PlaySound => MeasureOptions::PlaySound,
            Measure::RemoveCompanyData => {
                MeasureOptions::RemoveCompanyData(RemoveCompanyDataOptions {
                    reason_message: sent(&self.reason_message),
                })
            }
            Measure::Wipe => return None,
        })
    }

    /// The registration request for `selection`.
    pub fn request(
        &self,
        measure: Measure,
        selection: &WipeSelection,
        macs: bool,
    ) -> Option<MeasureRequest> {
        Some(MeasureRequest {
            selection: selection.clone(),
            options: self.options(measure, macs)?,
            password: self.password.clone(),
            agreed: self.agreed || !measure.needs_agreement(),
            skip_not_applicable: self.skip_not_applicable,
        })
    }

    /// What is wrong before anything is sent: the model's verdict on the options, and a
    /// missing password.
    pub fn check(&self, measure: Measure, macs: bool) -> FormCheck {
        FormCheck {
            problems: self
                .options(measure, macs)
                .map(|o| o.problems())
                .unwrap_or_default(),
            password_missing: self.password.is_empty(),
        }
    }
}

/// The form's problems, before anything is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormCheck {
    pub problems: Vec<MeasureProblem>,
    pub password_missing: bool,
}

/// The measure form's messages.
pub type Messages = FieldMessages<FormField>;

impl Messages {
    /// Before OK was pressed, a text shows its problem as it is typed; what is missing (a
    /// message or phone number, the password) waits for OK, not to scold an empty screen.
    pub fn from_check(check: &FormCheck, attempted: bool, lang: Lang) -> Messages {
        let t: &MeasuresText = catalog(lang).measures;
        let mut fields: Vec<(FormField, String)> = check
            .problems
            .iter()
            .filter(|&&p| attempted || p != MeasureProblem::MessageOrPhoneRequired)
            .filter_map(|p| Some((FormField::of(p.field())?, p.label(lang).to_string())))
            .collect();
        if attempted && check.password_missing {
            fields.push((FormField::Password, t.password_required.to_string()));
        }
        Messages {
            fields,
            general: Vec::new(),
        }
    }

    /// The portal's refusal, placed: every problem of a validation error next to its field
    /// (re-labelled in the current language), an error naming a field (the password, an
    /// option) next to it, the rest above OK (devices it does not apply to are named there).
    pub fn from_refusal(error: &ApiError, lang: Lang) -> Messages {
        let mut messages = Messages::default();
        let ApiError::Api { body, .. } = error else {
            messages.general.push(error.message(lang));
            return messages;
        };
        if let Some(ErrorDetails::MeasureValidation { errors }) = &body.details {
            if body.code == ErrorCode::ValidationFailed && !errors.is_empty() {
                for e in errors {
                    messages.place(FormField::of(e.field), e.problem.label(lang).to_string());
                }
                return messages;
            }
        }
        let field = body
            .field
            .as_deref()
            .and_then(FormField::from_wire)
            .or((body.code == ErrorCode::WrongPassword).then_some(FormField::Password));
        // The portal words it in the language of the request, which is the console's.
        messages.place(field, error.message(lang));
        messages
    }
}

/// Where the per-device preview stands: how many devices get a job and how many are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewState {
    Loading,
    Failed,
    Ready { applicable: u64, left_out: u64 },
}

/// Something that keeps OK disabled, each with its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocker {
    NotAgreed,
    PreviewLoading,
    PreviewFailed,
    LeftOut(u64),
    Nothing,
}

impl Blocker {
    pub fn message(self, t: &MeasuresText) -> String {
        match self {
            Blocker::NotAgreed => t.not_agreed.to_string(),
            Blocker::PreviewLoading => t.blocker_preview.to_string(),
            Blocker::PreviewFailed => t.blocker_preview_failed.to_string(),
            Blocker::LeftOut(count) => (t.blocker_left_out)(count),
            Blocker::Nothing => t.blocker_nothing.to_string(),
        }
    }
}

/// Everything that keeps OK disabled. The device counts are the portal's preview (the model's
/// rule applied to the whole selection): it would refuse the same.
pub fn blockers(form: &MeasureForm, measure: Measure, preview: PreviewState) -> Vec<Blocker> {
    let mut blockers = Vec::new();
    if measure.needs_agreement() && !form.agreed {
        blockers.push(Blocker::NotAgreed);
    }
    match preview {
        PreviewState::Loading => blockers.push(Blocker::PreviewLoading),
        PreviewState::Failed => blockers.push(Blocker::PreviewFailed),
        PreviewState::Ready { applicable: 0, .. } => blockers.push(Blocker::Nothing),
        PreviewState::Ready { left_out, .. } if left_out > 0 && !form.skip_not_applicable => {
            blockers.push(Blocker::LeftOut(left_out))
        }
        PreviewState::Ready { .. } => {}
    }
    blockers
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
