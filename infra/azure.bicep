// Azure resources for Balanslistan: App Service (Linux, Node 24 LTS, Always On), Azure Bot with the
// Teams channel, a Storage account for the bot's state and a Key Vault for the secrets.
// The web app reads its secrets through Key Vault references with its system-assigned managed
// identity, so no secret is stored in the app settings. Deploy with `az deployment group create`
// or the Agents Toolkit (m365agents.yml, arm/deploy); parameters are described in the README.

@description('Lower-case letters and digits, 3-16 characters; every resource name starts with it.')
@minLength(3)
@maxLength(16)
param resourceBaseName string

@description('Azure region for the resources (the bot registration itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is enough for one forum; Always On needs Basic or higher.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'P0v3', 'P1v3'])
param appServiceSku string = 'B1'

@description('Entra tenant id of the forum (AZURE_TENANT_ID).')
param tenantId string = subscription().tenantId

@description('Client id of the Entra app used for Graph (Sites.Selected) and tab SSO (AZURE_CLIENT_ID).')
param clientId string

@description('Client secret of that Entra app (AZURE_CLIENT_SECRET). Stored in Key Vault.')
@secure()
param clientSecret string

@description('How the bot authenticates: SingleTenant (an Entra app and secret) or UserAssignedMSI (a managed identity, no secret).')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param botAppType string = 'SingleTenant'

@description('SingleTenant: the bot\'s Entra app id. Empty = the same app as clientId.')
param botAppId string = ''

@description('SingleTenant: the bot app\'s client secret. Empty = clientSecret (same app).')
@secure()
param botAppPassword string = ''

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Balanslistan'

@description('Azure Bot pricing tier; F0 is free and enough for standard channels such as Teams.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('The forum\'s SharePoint site, e.g. https://contoso.sharepoint.com/sites/svom (SHAREPOINT_SITE_URL).')
param sharePointSiteUrl string

@description('Display name or id of the balance list (SHAREPOINT_BALANCE_LIST).')
param balanceListName string = 'Balanslista SVOM'

@description('Display name or id of the meetings list (SHAREPOINT_MEETINGS_LIST).')
param meetingsListName string = 'Möten SVOM'

@description('Shared secret for POST /api/notify (NOTIFY_SECRET). Empty disables the endpoint.')
@secure()
param notifySecret string = ''

@description('Further app settings (name → value) for the reminder rules etc., e.g. {"QUIET_HOURS": "18:00-07:00"}.')
param extraAppSettings object = {}

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var storageName = take('${resourceBaseName}${suffix}', 24)
var keyVaultName = take('kv-${resourceBaseName}-${suffix}', 24)
var stateContainer = 'balanslistan-state'
var usesMsi = botAppType == 'UserAssignedMSI'
var botId = usesMsi ? botIdentity!.properties.clientId : (empty(botAppId) ? clientId : botAppId)
var botSecret = empty(botAppPassword) ? clientSecret : botAppPassword
// Built-in role: Key Vault Secrets User.
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: { publicAccess: 'None' }
}

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (usesMsi) {
  name: '${resourceBaseName}-bot'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource clientSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'azure-client-secret'
  properties: { value: clientSecret }
}

resource botSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!usesMsi) {
  parent: vault
  name: 'bot-app-password'
  properties: { value: botSecret }
}

resource storageSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource notifySecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(notifySecret)) {
  parent: vault
  name: 'notify-secret'
  properties: { value: notifySecret }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

// Key Vault references: App Service resolves them with the web app's managed identity.
var vaultRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: usesMsi
    ? { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { '${botIdentity!.id}': {} } }
    : { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      appCommandLine: 'node dist/app/main.js'
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

var baseSettings = {
  // The build output is deployed as is; App Service does not run npm during deployment.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  NODE_ENV: 'production'
  // /home is the persistent, writable share on Linux App Service.
  DATA_DIR: '/home/data'
  LOG_LEVEL: 'info'
  PUBLIC_URL: 'https://${web.properties.defaultHostName}'
  AZURE_TENANT_ID: tenantId
  AZURE_CLIENT_ID: clientId
  AZURE_CLIENT_SECRET: '${vaultRef}azure-client-secret)'
  SHAREPOINT_SITE_URL: sharePointSiteUrl
  SHAREPOINT_BALANCE_LIST: balanceListName
  SHAREPOINT_MEETINGS_LIST: meetingsListName
  MicrosoftAppType: botAppType
  MicrosoftAppId: botId
  MicrosoftAppTenantId: tenantId
  STATE_STORE: 'blob'
  AZURE_STORAGE_CONNECTION_STRING: '${vaultRef}storage-connection-string)'
  AZURE_STORAGE_CONTAINER: stateContainer
}
var botPasswordSetting = usesMsi ? {} : { MicrosoftAppPassword: '${vaultRef}bot-app-password)' }
var notifySetting = empty(notifySecret) ? {} : { NOTIFY_SECRET: '${vaultRef}notify-secret)' }

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  properties: union(baseSettings, botPasswordSetting, notifySetting, extraAppSettings)
  dependsOn: [secretsUser, clientSecretEntry, storageSecretEntry, botSecretEntry, notifySecretEntry]
}

// The web app's identity may read the vault's secrets, nothing else.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, web.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppType: botAppType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: usesMsi ? botIdentity!.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Output names in capitals: the Agents Toolkit writes them to env/.env.<env> as they are.
output APP_SERVICE_RESOURCE_ID string = web.id
output APP_DOMAIN string = web.properties.defaultHostName
output APP_ENDPOINT string = 'https://${web.properties.defaultHostName}'
output BOT_ID string = botId
output BOT_SERVICE_NAME string = bot.name
output KEY_VAULT_NAME string = vault.name
output STORAGE_ACCOUNT_NAME string = storage.name
