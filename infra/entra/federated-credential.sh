#!/usr/bin/env bash
# Makes the app registration trust the web app's user-assigned managed identity: adds the federated
# identity credential (issuer: the tenant's Entra ID, subject: the identity's object id, audience:
# api://AzureADTokenExchange) that lets the app present the identity's token instead of a secret.
# Needs Azure CLI 2.60+, signed in as an owner of the app or an Application Administrator.
# Safe to run again: an existing credential with the same name is replaced when its subject differs.
#
#   bash infra/entra/federated-credential.sh <app client id> <identity object id> <tenant id> [authority host]
#
# The identity's object id is the APP_IDENTITY_PRINCIPAL_ID output of infra/azure.bicep.
# Public cloud only as written: other clouds use another authority host and audience.
set -euo pipefail

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if [ $# -lt 3 ] || ! [[ $1 =~ $guid && $2 =~ $guid && $3 =~ $guid ]]; then
  echo "usage: $0 <app client id> <identity object id> <tenant id> [authority host]  (the first three are GUIDs)" >&2
  exit 2
fi
app_id=$1 principal_id=$2 tenant_id=$3 authority=${4:-https://login.microsoftonline.com}
name=balanslistan-managed-identity
issuer="${authority%/}/$tenant_id/v2.0"

current=$(az ad app federated-credential list --id "$app_id" --query "[?name=='$name'] | [0].subject" -o tsv)
if [ "$current" = "$principal_id" ]; then
  echo "The app already trusts the managed identity $principal_id ($name)."
else
  if [ -n "$current" ]; then
    echo "Replacing $name (subject $current) with the identity $principal_id."
    az ad app federated-credential delete --id "$app_id" --federated-credential-id "$name"
  fi
  az ad app federated-credential create --id "$app_id" --parameters "{
    \"name\": \"$name\",
    \"issuer\": \"$issuer\",
    \"subject\": \"$principal_id\",
    \"audiences\": [\"api://AzureADTokenExchange\"],
    \"description\": \"The Balanslistan web app's user-assigned managed identity\"
  }" >/dev/null
fi
az ad app federated-credential list --id "$app_id" --query "[].{name:name, issuer:issuer, subject:subject, audiences:join(',', audiences)}" -o table
