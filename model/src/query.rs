//! Query-string plumbing shared by the console (which keeps list state in its URL) and the portal
//! (which reads the same parameters): one reader, one writer, one error type, so a parameter is
//! spelled and parsed identically on both sides.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{ApiErrorBody, ErrorCode, Lang};

/// What is wrong with one query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ParamProblem {
    /// The value does not parse as the expected type or vocabulary.
    Unparsable { value: String },
    /// A number outside its allowed range (inclusive bounds).
    OutOfRange { min: u64, max: u64 },
    /// Two parameters contradict each other (for example `from` after `to`).
    Inconsistent { with: String },
}

/// A query parameter the portal refuses; answered as `invalid_parameter` with `field` = `param`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryParamError {
    pub param: String,
    #[serde(flatten)]
    pub problem: ParamProblem,
}

impl QueryParamError {
    pub fn new(param: impl Into<String>, problem: ParamProblem) -> Self {
        QueryParamError {
            param: param.into(),
            problem,
        }
    }

    /// A readable explanation naming the parameter.
    pub fn message(&self, lang: Lang) -> String {
        let param = &self.param;
        match (&self.problem, lang) {
            (ParamProblem::Unparsable { value }, Lang::Ja) => {
                format!("パラメーター「{param}」の値「{value}」は使用できません。")
            }
            (ParamProblem::Unparsable { value }, Lang::En) => {
                format!("The value \"{value}\" is not valid for the parameter \"{param}\".")
            }
            (ParamProblem::OutOfRange { min, max }, Lang::Ja) => {
                format!("パラメーター「{param}」は{min}〜{max}の範囲で指定してください。")
            }
            (ParamProblem::OutOfRange { min, max }, Lang::En) => {
                format!("The parameter \"{param}\" must be between {min} and {max}.")
            }
            (ParamProblem::Inconsistent { with }, Lang::Ja) => {
                format!("パラメーター「{param}」と「{with}」の組み合わせが正しくありません。")
            }
            (ParamProblem::Inconsistent { with }, Lang::En) => {
                format!("The parameters \"{param}\" and \"{with}\" contradict each other.")
            }
        }
    }

    /// The error body the portal answers (HTTP 400).
    pub fn to_api_error(&self, lang: Lang) -> ApiErrorBody {
        let mut body =
            ApiErrorBody::new(ErrorCode::InvalidParameter, lang).with_field(self.param.clone());
        body.message = self.message(lang);
        body
    }
}

/// Reads typed parameters from decoded `(name, value)` pairs. An empty value counts as absent,
/// because an HTML GET form submits untouched fields as `name=`; when a name repeats, the last
/// value wins, as in most frameworks.
#[derive(Debug, Clone, Default)]
pub struct QueryReader<'a> {
    pairs: Vec<(&'a str, &'a str)>,
}

impl<'a> QueryReader<'a> {
    pub fn new(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        QueryReader {
            pairs: pairs.into_iter().collect(),
        }
    }

    /// The raw value of a parameter, trimmed, or `None` when missing or empty.
    pub fn raw(&self, name: &str) -> Option<&'a str> {
        self.pairs
            .iter()
            .rev()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
    }

    /// Parses a parameter with its `FromStr`; any parse failure names the parameter.
    pub fn parse<T: FromStr>(&self, name: &str) -> Result<Option<T>, QueryParamError> {
        self.raw(name)
            .map(|value| {
                value.parse::<T>().map_err(|_| {
                    QueryParamError::new(
                        name,
                        ParamProblem::Unparsable {
                            value: value.to_string(),
                        },
                    )
                })
            })
            .transpose()
    }

    /// A text parameter (search words), trimmed; `None` when empty.
    pub fn text(&self, name: &str) -> Option<String> {
        self.raw(name).map(str::to_string)
    }

    /// An RFC 3339 time such as `2026-11-26T14:30:00+09:00`.
    pub fn time(&self, name: &str) -> Result<Option<DateTime<Utc>>, QueryParamError> {
        self.raw(name)
            .map(|value| {
                DateTime::parse_from_rfc3339(value)
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(|_| {
                        QueryParamError::new(
                            name,
                            ParamProblem::Unparsable {
                                value: value.to_string(),
                            },
                        )
                    })
            })
            .transpose()
    }
}

/// Builds the `(name, value)` pairs of a query string, leaving out what is at its default so
/// URLs stay short and canonical. Percent-encoding is left to the caller's URL type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryWriter {
    pairs: Vec<(&'static str, String)>,
}

impl QueryWriter {
    pub fn new() -> Self {
        QueryWriter::default()
    }

    /// Adds a parameter when it has a value.
    pub fn opt(mut self, name: &'static str, value: Option<impl ToString>) -> Self {
        if let Some(value) = value {
            let value = value.to_string();
            if !value.is_empty() {
                self.pairs.push((name, value));
            }
        }
        self
    }

    /// Adds a parameter unless it equals its default.
    pub fn unless_default<T: PartialEq + ToString>(
        self,
        name: &'static str,
        value: T,
        default: T,
    ) -> Self {
        let value = (value != default).then_some(value);
        self.opt(name, value)
    }

    /// Adds an RFC 3339 time in UTC.
    pub fn time(self, name: &'static str, value: Option<DateTime<Utc>>) -> Self {
        self.opt(
            name,
            value.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        )
    }

    pub fn into_pairs(self) -> Vec<(&'static str, String)> {
        self.pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_are_absent_and_the_last_value_wins() {
        let reader = QueryReader::new([("q", "  "), ("page", "2"), ("page", "3")]);
        assert_eq!(reader.raw("q"), None);
        assert_eq!(reader.parse::<u32>("page"), Ok(Some(3)));
        assert_eq!(reader.parse::<u32>("missing"), Ok(None));
    }

    #[test]
    fn unparsable_values_name_the_parameter() {
        let reader = QueryReader::new([("per_page", "many")]);
        let error = reader.parse::<u32>("per_page").unwrap_err();
        assert_eq!(error.param, "per_page");
        let body = error.to_api_error(Lang::En);
        assert_eq!(body.code, ErrorCode::InvalidParameter);
        assert_eq!(body.field.as_deref(), Some("per_page"));
        assert!(body.message.contains("many"), "{}", body.message);
    }

    #[test]
    fn times_accept_offsets_and_normalise_to_utc() {
        let reader = QueryReader::new([("from", "2026-11-26T09:00:00+09:00"), ("to", "yesterday")]);
        let from = reader.time("from").unwrap().unwrap();
        assert_eq!(from.to_rfc3339(), "2026-11-26T00:00:00+00:00");
        assert!(reader.time("to").is_err());
    }

    #[test]
    fn writer_skips_defaults_and_empty_values() {
        let pairs = QueryWriter::new()
            .unless_default("page", 1, 1)
            .unless_default("per_page", 100, 50)
            .opt("q", Some(""))
            .opt("os", Some("ios"))
            .into_pairs();
        assert_eq!(
            pairs,
            vec![("per_page", "100".to_string()), ("os", "ios".to_string())]
        );
    }
}
