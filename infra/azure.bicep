// Azure resources for Balanslistan: App Service (Linux, Node 24 LTS, Always On), Azure Bot with the
// Teams channel, a Storage account for the bot's state and a Key Vault for the secrets.
// The web app reads its secrets through Key Vault references with its system-assigned managed
// identity, so no secret is stored in the app settings. Deploy with `az deployment group create`
// or the Agents Toolkit (m365agents.yml, arm/deploy); parameters are described in docs/deployment.md.
//
// The app's own credential with Entra ID (Graph, tab sign-in, the bot's tokens) is by default a
// user-assigned managed identity created here, trusted by the app registration through a
// federated credential: no secret exists. This template cannot add that federated credential: the
// app registration is made outside it (az ad app create, or the toolkit's aadApp/create), and the
// Microsoft Graph Bicep extension can only address an application by the `uniqueName` it was
// created with. infra/entra/federated-credential.sh adds it from the outputs below.

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

@description('How the app signs in to Entra ID: managed-identity (a user-assigned identity created here, federated to the app; no secret), certificate (a PEM file on the web app) or secret (clientSecret).')
@allowed(['managed-identity', 'certificate', 'secret'])
param appCredential string = 'managed-identity'

@description('appCredential secret: client secret of the Entra app (AZURE_CLIENT_SECRET). Stored in Key Vault. Ignored otherwise.')
@secure()
param clientSecret string = ''

@description('appCredential certificate: path on the web app of the PEM file with certificate and private key, e.g. /home/certs/balanslistan.pem (AZURE_CLIENT_CERTIFICATE_PATH).')
param clientCertificatePath string = ''

@description('appCredential certificate: passphrase of the private key, if any (AZURE_CLIENT_CERTIFICATE_PASSWORD). Stored in Key Vault.')
@secure()
param clientCertificatePassword string = ''

@description('How the bot authenticates: SingleTenant (an Entra app and secret) or UserAssignedMSI (a managed identity, no secret).')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param botAppType string = 'SingleTenant'

@description('SingleTenant: the bot\'s Entra app id. Empty = the same app as clientId.')
param botAppId string = ''

@description('SingleTenant with its own botAppId: that app\'s client secret. Empty with the same app: the bot uses the app\'s credential (appCredential).')
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
var usesAppIdentity = appCredential == 'managed-identity'
var usesSecret = appCredential == 'secret'
var botId = usesMsi ? botIdentity!.properties.clientId : (empty(botAppId) ? clientId : botAppId)
// The bot's own secret: given for a separate bot app, or the app's secret when the app signs in by secret.
var botSecret = !empty(botAppPassword) ? botAppPassword : (usesSecret && botId == clientId ? clientSecret : '')
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

// The app's identity: its token is the client assertion the app registration trusts (federated credential).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (usesAppIdentity) {
  name: '${resourceBaseName}-app'
  location: location
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

resource clientSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usesSecret) {
  parent: vault
  name: 'azure-client-secret'
  properties: { value: clientSecret }
}

resource certificatePasswordEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (appCredential == 'certificate' && !empty(clientCertificatePassword)) {
  parent: vault
  name: 'azure-client-certificate-password'
  properties: { value: clientCertificatePassword }
}

resource botSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!usesMsi && !empty(botSecret)) {
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

// The user-assigned identities the web app carries: the app's (default) and the bot's (UserAssignedMSI).
var userIdentities = union(usesAppIdentity ? { '${appIdentity!.id}': {} } : {}, usesMsi ? { '${botIdentity!.id}': {} } : {})

// Key Vault references: App Service resolves them with the web app's managed identity.
var vaultRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: empty(userIdentities)
    ? { type: 'SystemAssigned' }
    : { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: userIdentities }
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
  AZURE_CLIENT_CREDENTIAL: appCredential
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
// App Service sets IDENTITY_ENDPOINT and IDENTITY_HEADER itself; the app asks it for this identity's token.
var credentialSettings = usesAppIdentity
  ? { MANAGED_IDENTITY_CLIENT_ID: appIdentity!.properties.clientId }
  : usesSecret
      ? { AZURE_CLIENT_SECRET: '${vaultRef}azure-client-secret)' }
      : union(
          { AZURE_CLIENT_CERTIFICATE_PATH: clientCertificatePath },
          empty(clientCertificatePassword) ? {} : { AZURE_CLIENT_CERTIFICATE_PASSWORD: '${vaultRef}azure-client-certificate-password)' }
        )
var botPasswordSetting = usesMsi || empty(botSecret) ? {} : { MicrosoftAppPassword: '${vaultRef}bot-app-password)' }
var notifySetting = empty(notifySecret) ? {} : { NOTIFY_SECRET: '${vaultRef}notify-secret)' }

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  properties: union(baseSettings, credentialSettings, botPasswordSetting, notifySetting, extraAppSettings)
  dependsOn: [secretsUser, clientSecretEntry, certificatePasswordEntry, storageSecretEntry, botSecretEntry, notifySecretEntry]
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
// For the app registration's federated credential (infra/entra/federated-credential.sh): the
// identity's object id is the subject; its client id is the web app's MANAGED_IDENTITY_CLIENT_ID.
// Empty unless appCredential is managed-identity. Not named after the setting: the toolkit writes
// outputs into env/.env.<env>, which the admin commands read on a machine without the identity.
output APP_IDENTITY_CLIENT_ID string = usesAppIdentity ? appIdentity!.properties.clientId : ''
output APP_IDENTITY_PRINCIPAL_ID string = usesAppIdentity ? appIdentity!.properties.principalId : ''
