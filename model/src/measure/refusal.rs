//! Why a measure's registration is refused, and the answer that says so: options and agreement
//! next to their fields, devices the measure does not apply to or that already have an open
//! job of it named with their reason.

use serde::{Deserialize, Serialize};

use super::{DeviceMeasurePlan, Measure, MeasureField, MeasureProblem, MeasureRequest};
use crate::wipe::{names, with_devices, RefusedDevice};
use crate::{ApiErrorBody, ErrorCode, ErrorDetails, Lang};

/// One problem of a measure request in an answer's `details`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureFieldError {
    pub field: MeasureField,
    pub problem: MeasureProblem,
    pub message: String,
}

/// Why a measure request cannot be registered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeasureRefusal {
    #[error("the measure request breaks {} rule(s)", .0.len())]
    Problems(Vec<MeasureProblem>),
    #[error("the measure does not apply to {} selected device(s)", .0.len())]
    NotApplicable(Vec<RefusedDevice>),
    #[error("{} selected device(s) already have an open job of the measure", .0.len())]
    OpenJobExists(Vec<RefusedDevice>),
}

/// The problems of a request that need no device: the options' own rules, the agreement, an
/// empty hand-picked selection.
pub fn request_problems(request: &MeasureRequest) -> Vec<MeasureProblem> {
    let mut problems = request.options.problems();
    if let crate::wipe::WipeSelection::Devices { device_ids } = &request.selection {
        if device_ids.is_empty() {
            problems.push(MeasureProblem::NoDevicesSelected);
        }
    }
    if request.options.measure().needs_agreement() && !request.agreed {
        problems.push(MeasureProblem::AgreementRequired);
    }
    problems
}

impl DeviceMeasurePlan {
    /// The device as a refusal names it.
    pub fn refused(&self) -> RefusedDevice {
        RefusedDevice {
            id: self.device.id,
            name: self.device.name.clone(),
            not_wipeable_reason: None,
            not_applicable: self.not_applicable,
            open_job_ids: self.open_job_ids.clone(),
        }
    }
}

/// Decides which planned devices get a job, all or nothing: a device the measure does not apply
/// to refuses the request unless `skip_not_applicable` leaves it out, and so does a device with
/// an open job of the measure (another would be sent twice); something must be left.
pub fn check_measure_registration(
    plans: &[DeviceMeasurePlan],
    skip_not_applicable: bool,
) -> Result<Vec<&DeviceMeasurePlan>, MeasureRefusal> {
    if !skip_not_applicable {
        let not_applicable: Vec<RefusedDevice> = plans
            .iter()
            .filter(|p| p.channel.is_none())
            .map(DeviceMeasurePlan::refused)
            .collect();
        if !not_applicable.is_empty() {
            return Err(MeasureRefusal::NotApplicable(not_applicable));
        }
        let open: Vec<RefusedDevice> = plans
            .iter()
            .filter(|p| !p.open_job_ids.is_empty())
            .map(DeviceMeasurePlan::refused)
            .collect();
        if !open.is_empty() {
            return Err(MeasureRefusal::OpenJobExists(open));
        }
    }
    let registrable: Vec<&DeviceMeasurePlan> = plans.iter().filter(|p| p.registers()).collect();
    if registrable.is_empty() {
        return Err(MeasureRefusal::Problems(vec![
            MeasureProblem::NoApplicableDevices,
        ]));
    }
    Ok(registrable)
}

fn devices_answer(
    code: ErrorCode,
    devices: &[RefusedDevice],
    measure: Measure,
    lang: Lang,
) -> ApiErrorBody {
    let mut body = ApiErrorBody::new(code, lang).with_field(MeasureField::Selection.as_str());
    // The reason the first device is left out says what to do about it (for a company-owned
    // phone in 企業データの削除: use the wipe).
    let reason = devices
        .iter()
        .find_map(|d| d.not_applicable)
        .map(|reason| format!(" {}", reason.label(lang)))
        .unwrap_or_default();
    body.message = match lang {
        Lang::Ja => format!(
            "{}({}: {}){}",
            code.message(lang),
            measure.label(lang),
            names(devices, lang),
            reason
        ),
        Lang::En => format!(
            "{} ({}: {}){}",
            code.message(lang),
            measure.label(lang),
            names(devices, lang),
            reason
        ),
    };
    with_devices(body, devices)
}

impl MeasureRefusal {
    /// The portal's answer: 422 `validation_failed` on the first problem's field with every
    /// problem in `details`; 422 `measure_not_applicable` or 409 `open_measure_exists` naming
    /// the devices.
    pub fn to_api_error(&self, measure: Measure, lang: Lang) -> ApiErrorBody {
        match self {
            MeasureRefusal::Problems(problems) => {
                let mut body = ApiErrorBody::new(ErrorCode::ValidationFailed, lang);
                if let Some(first) = problems.first() {
                    body.message = first.label(lang).to_string();
                    body.field = Some(first.field().as_str().to_string());
                }
                body.details = Some(ErrorDetails::MeasureValidation {
                    errors: problems
                        .iter()
                        .map(|&problem| MeasureFieldError {
                            field: problem.field(),
                            problem,
                            message: problem.label(lang).to_string(),
                        })
                        .collect(),
                });
                body
            }
            MeasureRefusal::NotApplicable(devices) => {
                devices_answer(ErrorCode::MeasureNotApplicable, devices, measure, lang)
            }
            MeasureRefusal::OpenJobExists(devices) => {
                devices_answer(ErrorCode::OpenMeasureExists, devices, measure, lang)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;
    use crate::ids::{DeviceId, JobId};
    use crate::job::JobMethod;
    use crate::measure::{LostModeOptions, MeasureOptions, NotApplicable};
    use crate::wipe::WipeSelection;

    fn plan(id: i64, reason: Option<NotApplicable>, open: Vec<JobId>) -> DeviceMeasurePlan {
        DeviceMeasurePlan {
            device: iphone(id).brief(),
            channel: reason.is_none().then_some(JobMethod::AppleMdm),
            not_applicable: reason,
            open_job_ids: open,
            lost_mode: false,
            locked: false,
        }
    }

    #[test]
    fn a_device_left_out_refuses_unless_skipped_and_names_itself_with_its_reason() {
        let plans = vec![
            plan(1, None, vec![]),
            plan(2, Some(NotApplicable::NotInLostMode), vec![]),
        ];
        let refusal = check_measure_registration(&plans, false).unwrap_err();
        let body = refusal.to_api_error(Measure::Locate, Lang::Ja);
        assert_eq!(body.code, ErrorCode::MeasureNotApplicable);
        assert_eq!(body.field.as_deref(), Some("selection"));
        assert!(body.message.contains("iPhone-002"), "{}", body.message);
        assert!(
            body.message.contains("紛失モードではありません"),
            "{}",
            body.message
        );
        assert!(!body.message.contains("iPhone-001"));
        let english = refusal.to_api_error(Measure::Locate, Lang::En);
        assert!(
            english.message.contains("Get location")
                && english.message.contains("Not in lost mode")
        );

        let kept = check_measure_registration(&plans, true).unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].device.id, DeviceId(1));
    }

    #[test]
    fn an_open_job_of_the_measure_refuses_and_nothing_left_is_a_problem() {
        let plans = vec![plan(1, None, vec![JobId(9)])];
        let refusal = check_measure_registration(&plans, false).unwrap_err();
        assert!(matches!(refusal, MeasureRefusal::OpenJobExists(_)));
        assert_eq!(
            refusal.to_api_error(Measure::Lock, Lang::En).code,
            ErrorCode::OpenMeasureExists
        );
        assert_eq!(
            check_measure_registration(&plans, true),
            Err(MeasureRefusal::Problems(vec![
                MeasureProblem::NoApplicableDevices
            ]))
        );
    }

    #[test]
    fn request_problems_cover_options_agreement_and_an_empty_selection() {
        let request = MeasureRequest {
            selection: WipeSelection::Devices { device_ids: vec![] },
            options: MeasureOptions::LostModeOn(LostModeOptions {
                message: Some("  ".into()),
                phone_number: None,
                footnote: None,
            }),
            password: "x".into(),
            agreed: false,
            skip_not_applicable: false,
        };
        assert_eq!(
            request_problems(&request),
            vec![
                MeasureProblem::MessageOrPhoneRequired,
                MeasureProblem::NoDevicesSelected,
                MeasureProblem::AgreementRequired
            ]
        );
        let body = MeasureRefusal::Problems(request_problems(&request))
            .to_api_error(Measure::LostModeOn, Lang::Ja);
        assert_eq!(body.field.as_deref(), Some("message"));
        let Some(ErrorDetails::MeasureValidation { errors }) = body.details else {
            panic!("details");
        };
        assert_eq!(errors.len(), 3);
        assert_eq!(errors[2].field, MeasureField::Agreed);

        let locate = MeasureRequest {
            options: MeasureOptions::Locate,
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(1)],
            },
            ..request
        };
        assert!(
            request_problems(&locate).is_empty(),
            "a location request needs no agreement"
        );
    }
}
