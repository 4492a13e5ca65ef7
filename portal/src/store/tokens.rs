//! Bearer tokens of host pages embedding the console. Only a hash of each token is stored, as
//! for sessions.
//!
//! A token works until the first of: its expiry (`expires_at`, minutes after it was made), its
//! revocation, or the deletion of its administrator. Renewing makes a new token in the same
//! chain with the same `renewable_until`, so a sign-in cannot be stretched forever, and cuts
//! the old token's life to a short grace (requests already on their way still succeed).
//! Revoking a token revokes its whole chain: sign-out leaves no earlier token alive. Only the
//! chain's current token can be renewed; renewing a retired one revokes the chain, so a
//! copied token cannot fork a sign-in into two live ones.

use crate::store::sql::{params, Connection, OptionalExtension};
use mdm_model::ids::AdministratorId;

use super::{admins::AdminRecord, Millis};

/// How long a renewed token keeps working for requests sent before the renewal.
pub const RENEWAL_GRACE_MS: Millis = 30_000;

/// A live token: whose it is, its chain, and how long its sign-in may be renewed.
#[derive(Debug, Clone)]
pub struct TokenRecord {
    pub admin: AdminRecord,
    pub chain: String,
    pub expires_at: Millis,
    pub renewable_until: Millis,
}

/// A token to record.
#[derive(Debug, Clone)]
pub struct NewToken<'a> {
    pub token_hash: &'a str,
    /// The chain: the first token's own hash at sign-in, the old token's chain on renewal.
    pub chain: &'a str,
    pub admin_id: AdministratorId,
    pub now: Millis,
    pub expires_at: Millis,
    pub renewable_until: Millis,
}

/// Records a new token.
pub fn insert(conn: &Connection, token: &NewToken<'_>) -> crate::store::sql::Result<()> {
    conn.prepare_cached(
        "INSERT INTO api_tokens \
         (token_hash, chain, admin_id, created_at, expires_at, renewable_until) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        token.token_hash,
        token.chain,
        token.admin_id,
        token.now,
        token.expires_at,
        token.renewable_until
    ])?;
    Ok(())
}

/// The live token with this hash (not expired, not revoked), with its administrator.
pub fn live(
    conn: &Connection,
    token_hash: &str,
    now: Millis,
) -> crate::store::sql::Result<Option<TokenRecord>> {
    let found: Option<(AdministratorId, String, Millis, Millis)> = conn
        .prepare_cached(
            "SELECT admin_id, chain, expires_at, renewable_until FROM api_tokens \
             WHERE token_hash = ?1 AND expires_at > ?2 AND revoked_at IS NULL",
        )?
        .query_row(params![token_hash, now], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((admin_id, chain, expires_at, renewable_until)) = found else {
        return Ok(None);
    };
    Ok(
        super::admins::by_id(conn, admin_id)?.map(|admin| TokenRecord {
            admin,
            chain,
            expires_at,
            renewable_until,
        }),
    )
}

/// Retires a token being renewed: marks it and cuts its life to the grace period. Only the
/// current token of a chain can be retired: `false` when it already was (the token was
/// renewed before, so presenting it again means two holders), or has been revoked.
pub fn retire(conn: &Connection, token_hash: &str, now: Millis) -> crate::store::sql::Result<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE api_tokens \
             SET expires_at = CASE WHEN expires_at < ?2 THEN expires_at ELSE ?2 END, \
                 retired_at = ?3 \
             WHERE token_hash = ?1 AND retired_at IS NULL AND revoked_at IS NULL",
        )?
        .execute(params![token_hash, now + RENEWAL_GRACE_MS, now])?;
    Ok(changed == 1)
}

/// Revokes every token of `chain`; returns how many were still unrevoked.
pub fn revoke_chain(
    conn: &Connection,
    chain: &str,
    now: Millis,
) -> crate::store::sql::Result<usize> {
    conn.prepare_cached(
        "UPDATE api_tokens SET revoked_at = ?2 WHERE chain = ?1 AND revoked_at IS NULL",
    )?
    .execute(params![chain, now])
}

/// Drops tokens past their expiry (revoked ones included); returns how many.
pub fn purge_expired(conn: &Connection, now: Millis) -> crate::store::sql::Result<usize> {
    conn.prepare_cached("DELETE FROM api_tokens WHERE expires_at <= ?1")?
        .execute([now])
}
