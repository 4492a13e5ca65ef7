//! Messages of a form placed next to the field they concern, and those that concern no field
//! (shown above OK). One shape for every form; each form says how its checks and the portal's
//! refusals are placed.

/// The messages of a form whose fields are `F`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMessages<F> {
    pub fields: Vec<(F, String)>,
    pub general: Vec<String>,
}

impl<F> Default for FieldMessages<F> {
    fn default() -> Self {
        FieldMessages {
            fields: Vec::new(),
            general: Vec::new(),
        }
    }
}

impl<F: Copy + PartialEq> FieldMessages<F> {
    /// The messages of one field.
    pub fn for_field(&self, field: F) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
            .collect()
    }

    /// The first field with something to fix, in the order the messages were placed.
    pub fn first_field(&self) -> Option<F> {
        self.fields.first().map(|(field, _)| *field)
    }

    /// Next to `field` when there is one, above OK otherwise.
    pub fn place(&mut self, field: Option<F>, text: String) {
        match field {
            Some(field) => self.fields.push((field, text)),
            None => self.general.push(text),
        }
    }

    pub fn extend(&mut self, other: FieldMessages<F>) {
        self.fields.extend(other.fields);
        self.general.extend(other.general);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_stay_with_their_field_in_order() {
        let mut messages = FieldMessages::<u8>::default();
        messages.place(Some(2), "second".into());
        messages.place(None, "above OK".into());
        let mut more = FieldMessages::default();
        more.place(Some(1), "first".into());
        more.place(Some(2), "again".into());
        messages.extend(more);
        assert_eq!(messages.for_field(2), ["second", "again"]);
        assert_eq!(messages.first_field(), Some(2));
        assert_eq!(messages.general, ["above OK"]);
        assert!(messages.for_field(3).is_empty());
    }
}
