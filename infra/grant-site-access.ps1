<#
.SYNOPSIS
  Gives the Balanslistan app access to the forum's SharePoint site only (Sites.Selected).

.DESCRIPTION
  With the Microsoft Graph application permission Sites.Selected (admin-consented), an app can
  reach no site at all until a site permission names it. This script adds (or changes) that site
  permission for -ClientId on -SiteUrl, and lists the site's app permissions afterwards.

  Roles:  manage  while you run `npm run provision` (creating lists and columns needs it);
          write   for running the app (reads the lists, writes the revision status).
  Run it once with -Role manage, provision and import, then again with -Role write.

  Needs: PowerShell 7 and the Microsoft.Graph.Authentication module
  (Install-Module Microsoft.Graph.Authentication -Scope CurrentUser), signed in as a SharePoint
  Administrator (or Global Administrator) who consents to Sites.FullControl.All for this session.

.EXAMPLE
  ./infra/grant-site-access.ps1 -SiteUrl https://contoso.sharepoint.com/sites/svom -ClientId 9e8d7c6b-... -Role manage
#>
[CmdletBinding(SupportsShouldProcess)]
param(
  [Parameter(Mandatory)][string]$SiteUrl,
  [Parameter(Mandatory)][guid]$ClientId,
  [ValidateSet('read', 'write', 'manage', 'fullcontrol')][string]$Role = 'write',
  [string]$DisplayName = 'Balanslistan',
  [string]$GraphBaseUrl = 'https://graph.microsoft.com/v1.0'
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.Graph.Authentication

Connect-MgGraph -Scopes 'Sites.FullControl.All' -NoWelcome
$uri = [Uri]$SiteUrl
$site = Invoke-MgGraphRequest -Method GET -Uri "$GraphBaseUrl/sites/$($uri.Host):$($uri.AbsolutePath.TrimEnd('/'))?`$select=id,displayName,webUrl"
Write-Host "Site: $($site.displayName) ($($site.webUrl))"

$permissions = (Invoke-MgGraphRequest -Method GET -Uri "$GraphBaseUrl/sites/$($site.id)/permissions").value
$existing = $permissions | Where-Object { $_.grantedToIdentitiesV2.application.id -contains "$ClientId" -or $_.grantedToIdentities.application.id -contains "$ClientId" }

if ($existing) {
  if ($existing.roles -contains $Role -and $existing.roles.Count -eq 1) {
    Write-Host "Already granted: $Role for $ClientId. Nothing to do."
  } elseif ($PSCmdlet.ShouldProcess($site.webUrl, "change the app's role to $Role")) {
    Invoke-MgGraphRequest -Method PATCH -Uri "$GraphBaseUrl/sites/$($site.id)/permissions/$($existing.id)" -Body (@{ roles = @($Role) } | ConvertTo-Json) -ContentType 'application/json' | Out-Null
    Write-Host "Changed: $($existing.roles -join ',') -> $Role for $ClientId."
  }
} elseif ($PSCmdlet.ShouldProcess($site.webUrl, "grant $Role to $ClientId")) {
  $body = @{
    roles = @($Role)
    grantedToIdentities = @(@{ application = @{ id = "$ClientId"; displayName = $DisplayName } })
  } | ConvertTo-Json -Depth 5
  Invoke-MgGraphRequest -Method POST -Uri "$GraphBaseUrl/sites/$($site.id)/permissions" -Body $body -ContentType 'application/json' | Out-Null
  Write-Host "Granted: $Role for $ClientId."
}

Write-Host 'App permissions on the site now:'
(Invoke-MgGraphRequest -Method GET -Uri "$GraphBaseUrl/sites/$($site.id)/permissions").value |
  ForEach-Object { '  {0}  {1}  {2}' -f ($_.roles -join ','), $_.grantedToIdentitiesV2.application.id, $_.grantedToIdentitiesV2.application.displayName }
