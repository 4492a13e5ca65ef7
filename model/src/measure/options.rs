//! What an administrator enters for a measure, and the rules it must meet: the same check runs
//! in the console before OK and in the portal on the request.

use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;

/// Longest lock-screen message, in characters. Neither Apple's DeviceLock schema nor Google's
/// LOCK command states a limit; a lock screen shows a few lines, so the console keeps the
/// message to what fits and the same bound as Android's wipe reason.
pub const MAX_LOCK_MESSAGE_CHARS: usize = 200;
/// Longest lost-mode message or footnote, in characters (the same reasoning as the lock).
pub const MAX_LOST_MODE_TEXT_CHARS: usize = 200;
/// Longest phone number, in characters (E.164 allows 15 digits; room for +, spaces and dashes).
pub const MAX_PHONE_NUMBER_CHARS: usize = 24;
/// The Mac's Find My PIN of DeviceLock: "six-character" in Apple's schema.
pub const MAC_LOCK_PIN_CHARS: usize = 6;

/// 遠隔ロック: what the lock screen shows (iPhone, iPad, Mac) and the Mac's PIN.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LockOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Six characters, for Macs only (Apple's Find My PIN); never shown back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

/// 紛失モードを開始: a message and/or a phone number (one is required) and a footnote.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LostModeOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote: Option<String>,
}

/// 企業データの削除: the message a personal Android device's owner sees before the work profile
/// goes (Google's `wipeReasonMessage`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RemoveCompanyDataOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_message: Option<String>,
}

/// The options of one measure, tagged with the measure's wire name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "measure", rename_all = "snake_case")]
pub enum MeasureOptions {
    Lock(LockOptions),
    LostModeOn(LostModeOptions),
    LostModeOff,
    Locate,
    PlaySound,
    RemoveCompanyData(RemoveCompanyDataOptions),
}

vocabulary! {
    /// A field of a measure's screen; the wire name is the `field` of an error.
    pub enum MeasureField {
        Message = "message", ja: "メッセージ", en: "Message";
        PhoneNumber = "phone_number", ja: "電話番号", en: "Phone number";
        Footnote = "footnote", ja: "補足", en: "Footnote";
        Pin = "pin", ja: "PIN", en: "PIN";
        ReasonMessage = "reason_message", ja: "削除の理由(利用者に表示)", en: "Reason (shown to the owner)";
        Selection = "selection", ja: "対象の端末", en: "Devices";
        Agreed = "agreed", ja: "同意する", en: "I agree";
    }
}

vocabulary! {
    /// One broken rule of a measure's options; the label is the message beside its field.
    pub enum MeasureProblem {
        MessageOrPhoneRequired = "message_or_phone_required",
            ja: "紛失モードには、メッセージと電話番号の少なくとも一方を入力してください。",
            en: "Lost mode needs a message, a phone number, or both.";
        MessageTooLong = "message_too_long",
            ja: "メッセージは200文字以内で入力してください。",
            en: "The message must be at most 200 characters.";
        FootnoteTooLong = "footnote_too_long",
            ja: "補足は200文字以内で入力してください。",
            en: "The footnote must be at most 200 characters.";
        PhoneNumberInvalid = "phone_number_invalid",
            ja: "電話番号は24文字以内の数字で入力してください(+、-、空白、括弧を使えます)。",
            en: "Enter the phone number in digits, at most 24 characters (+, -, spaces and brackets allowed).";
        PinWrongLength = "pin_wrong_length",
            ja: "PINは6文字で入力してください。",
            en: "The PIN must be exactly 6 characters.";
        ReasonTooLong = "reason_too_long",
            ja: "削除の理由は200文字以内で入力してください。",
            en: "The reason must be at most 200 characters.";
        AgreementRequired = "agreement_required",
            ja: "内容を確認し、「同意する」にチェックを入れてください。",
            en: "Check what will happen and tick “I agree”.";
        NoApplicableDevices = "no_applicable_devices",
            ja: "この対策を行える端末がありません。",
            en: "The measure applies to none of the devices.";
        NoDevicesSelected = "no_devices_selected",
            ja: "端末を選択してください。",
            en: "Select at least one device.";
    }
}

impl MeasureProblem {
    /// The field the message belongs next to.
    pub fn field(self) -> MeasureField {
        match self {
            MeasureProblem::MessageOrPhoneRequired | MeasureProblem::MessageTooLong => {
                MeasureField::Message
            }
            MeasureProblem::FootnoteTooLong => MeasureField::Footnote,
            MeasureProblem::PhoneNumberInvalid => MeasureField::PhoneNumber,
            MeasureProblem::PinWrongLength => MeasureField::Pin,
            MeasureProblem::ReasonTooLong => MeasureField::ReasonMessage,
            MeasureProblem::AgreementRequired => MeasureField::Agreed,
            MeasureProblem::NoApplicableDevices | MeasureProblem::NoDevicesSelected => {
                MeasureField::Selection
            }
        }
    }
}

/// A text field's value as it is sent: trimmed, and absent when blank.
pub fn entered(text: &Option<String>) -> Option<&str> {
    text.as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

fn too_long(text: &Option<String>, max: usize) -> bool {
    entered(text).is_some_and(|text| text.chars().count() > max)
}

fn phone_invalid(text: &Option<String>) -> bool {
    entered(text).is_some_and(|phone| {
        phone.chars().count() > MAX_PHONE_NUMBER_CHARS
            || !phone.chars().any(|c| c.is_ascii_digit())
            || !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    })
}

impl MeasureOptions {
    /// Every broken rule, in the order the screen shows its fields.
    pub fn problems(&self) -> Vec<MeasureProblem> {
        let mut problems = Vec::new();
        match self {
            MeasureOptions::Lock(lock) => {
                if too_long(&lock.message, MAX_LOCK_MESSAGE_CHARS) {
                    problems.push(MeasureProblem::MessageTooLong);
                }
                if phone_invalid(&lock.phone_number) {
                    problems.push(MeasureProblem::PhoneNumberInvalid);
                }
                if entered(&lock.pin).is_some_and(|pin| pin.chars().count() != MAC_LOCK_PIN_CHARS) {
                    problems.push(MeasureProblem::PinWrongLength);
                }
            }
            MeasureOptions::LostModeOn(lost) => {
                if entered(&lost.message).is_none() && entered(&lost.phone_number).is_none() {
                    problems.push(MeasureProblem::MessageOrPhoneRequired);
                } else if too_long(&lost.message, MAX_LOST_MODE_TEXT_CHARS) {
                    problems.push(MeasureProblem::MessageTooLong);
                }
                if phone_invalid(&lost.phone_number) {
                    problems.push(MeasureProblem::PhoneNumberInvalid);
                }
                if too_long(&lost.footnote, MAX_LOST_MODE_TEXT_CHARS) {
                    problems.push(MeasureProblem::FootnoteTooLong);
                }
            }
            MeasureOptions::RemoveCompanyData(remove) => {
                if too_long(
                    &remove.reason_message,
                    crate::command::android::MAX_WIPE_REASON_CHARS,
                ) {
                    problems.push(MeasureProblem::ReasonTooLong);
                }
            }
            MeasureOptions::LostModeOff | MeasureOptions::Locate | MeasureOptions::PlaySound => {}
        }
        problems
    }

    /// The same options as the job record keeps them: blank fields dropped, text trimmed.
    pub fn recorded(&self) -> MeasureOptions {
        let keep = |text: &Option<String>| entered(text).map(str::to_string);
        match self {
            MeasureOptions::Lock(lock) => MeasureOptions::Lock(LockOptions {
                message: keep(&lock.message),
                phone_number: keep(&lock.phone_number),
                pin: keep(&lock.pin),
            }),
            MeasureOptions::LostModeOn(lost) => MeasureOptions::LostModeOn(LostModeOptions {
                message: keep(&lost.message),
                phone_number: keep(&lost.phone_number),
                footnote: keep(&lost.footnote),
            }),
            MeasureOptions::RemoveCompanyData(remove) => {
                MeasureOptions::RemoveCompanyData(RemoveCompanyDataOptions {
                    reason_message: keep(&remove.reason_message),
                })
            }
            other => other.clone(),
        }
    }

    /// A copy safe to show and log: the Mac's PIN masked.
    pub fn masked(&self) -> MeasureOptions {
        match self {
            MeasureOptions::Lock(lock) if lock.pin.is_some() => MeasureOptions::Lock(LockOptions {
                pin: Some(crate::apple::SECRET_MASK.to_string()),
                ..lock.clone()
            }),
            other => other.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lost(message: &str, phone: &str) -> MeasureOptions {
        MeasureOptions::LostModeOn(LostModeOptions {
            message: Some(message.into()),
            phone_number: Some(phone.into()),
            footnote: None,
        })
    }

    #[test]
    fn lost_mode_needs_a_message_or_a_phone_number() {
        assert_eq!(
            lost(" ", "").problems(),
            [MeasureProblem::MessageOrPhoneRequired]
        );
        assert!(lost("拾われた方はご連絡ください", "").problems().is_empty());
        assert!(lost("", "03-1234-5678").problems().is_empty());
        assert_eq!(
            MeasureProblem::MessageOrPhoneRequired.field(),
            MeasureField::Message
        );
    }

    #[test]
    fn texts_are_bounded_in_characters_not_bytes() {
        let ok = "あ".repeat(200);
        assert!(lost(&ok, "").problems().is_empty());
        let long = "あ".repeat(201);
        assert_eq!(lost(&long, "").problems(), [MeasureProblem::MessageTooLong]);
        let lock = MeasureOptions::Lock(LockOptions {
            message: Some(long),
            phone_number: Some("電話して".into()),
            pin: Some("12345".into()),
        });
        assert_eq!(
            lock.problems(),
            [
                MeasureProblem::MessageTooLong,
                MeasureProblem::PhoneNumberInvalid,
                MeasureProblem::PinWrongLength
            ]
        );
    }

    #[test]
    fn phone_numbers_take_digits_and_the_usual_separators() {
        for good in ["+81 3-1234-5678", "(03) 1234 5678", "09012345678"] {
            assert!(lost("", good).problems().is_empty(), "{good}");
        }
        for bad in ["call me", "---", "1234567890123456789012345"] {
            assert_eq!(
                lost("m", bad).problems(),
                [MeasureProblem::PhoneNumberInvalid],
                "{bad}"
            );
        }
    }

    #[test]
    fn the_record_keeps_trimmed_text_and_shows_the_pin_masked() {
        let lock = MeasureOptions::Lock(LockOptions {
            message: Some("  見つけた方はご連絡を ".into()),
            phone_number: Some(" ".into()),
            pin: Some("123456".into()),
        });
        assert_eq!(
            lock.recorded(),
            MeasureOptions::Lock(LockOptions {
                message: Some("見つけた方はご連絡を".into()),
                phone_number: None,
                pin: Some("123456".into()),
            })
        );
        let MeasureOptions::Lock(shown) = lock.masked() else {
            unreachable!()
        };
        assert_eq!(shown.pin.as_deref(), Some(crate::apple::SECRET_MASK));
    }
}
