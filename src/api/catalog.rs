//! Short lists the wipe screen chooses from.

use gloo_net::http::Method;
use mdm_model::paging::ItemList;
use mdm_model::wifi::{WifiSetting, WifiSettingQuery};

use super::{Api, ApiError};

impl Api {
    /// `GET /api/wifi-settings`: the tenant's Wi-Fi settings, narrowed by `query`.
    pub async fn wifi_settings(
        &self,
        query: &WifiSettingQuery,
    ) -> Result<Vec<WifiSetting>, ApiError> {
        let pairs = query.to_query_pairs();
        let request = self
            .request(Method::GET, "/wifi-settings")
            .query(pairs.iter().map(|(name, value)| (*name, value.as_str())))
            .build()
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = self.gate(request.send().await).await?;
        let list: ItemList<WifiSetting> = Api::json(response).await?;
        Ok(list.items)
    }
}
