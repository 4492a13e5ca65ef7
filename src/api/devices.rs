//! The fleet: the group tree and the device table.

use gloo_net::http::Method;
use mdm_model::device::{Device, DeviceQuery};
use mdm_model::group::GroupTree;
use mdm_model::paging::Page;

use super::{Api, ApiError};

impl Api {
    /// `GET /api/groups`: the whole group tree with device counts.
    pub async fn groups(&self) -> Result<GroupTree, ApiError> {
        let response = self.send(Method::GET, "/groups").await?;
        Api::json(response).await
    }

    /// `GET /api/devices`: one page of the devices matching `query` (filter, sort, page).
    pub async fn devices(&self, query: &DeviceQuery) -> Result<Page<Device>, ApiError> {
        let pairs = query.to_query_pairs();
        let request = self
            .request(Method::GET, "/devices")
            .query(pairs.iter().map(|(name, value)| (*name, value.as_str())))
            .build()
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = self.gate(request.send().await).await?;
        Api::json(response).await
    }
}
