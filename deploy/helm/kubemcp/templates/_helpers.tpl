{{/* Chart name, overridable. */}}
{{- define "kubemcp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: the release name, with the chart name appended unless the release name already contains it. */}}
{{- define "kubemcp.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "kubemcp.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kubemcp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kubemcp.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "kubemcp.labels" -}}
helm.sh/chart: {{ include "kubemcp.chart" . }}
{{ include "kubemcp.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: mcp-server
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "kubemcp.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "kubemcp.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "kubemcp.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "kubemcp.policyConfigMap" -}}
{{- default (printf "%s-policy" (include "kubemcp.fullname" .)) .Values.policy.existingConfigMap }}
{{- end }}

{{- define "kubemcp.authSecret" -}}
{{- default (printf "%s-auth" (include "kubemcp.fullname" .)) .Values.auth.existingSecret }}
{{- end }}

{{/*
A number value as a flag argument: "" when unset (null or ""), digits otherwise. YAML numbers reach templates as
float64, which would print as 1e+07.
*/}}
{{- define "kubemcp.number" -}}
{{- if kindIs "float64" . }}{{ printf "%d" (int64 .) }}
{{- else if kindIs "int64" . }}{{ printf "%d" . }}
{{- else if kindIs "int" . }}{{ printf "%d" . }}
{{- else if kindIs "string" . }}{{ . }}
{{- end }}
{{- end }}

{{/* Whether a toolset is enabled: include "kubemcp.hasToolset" (list . "core") returns "true" or "". */}}
{{- define "kubemcp.hasToolset" -}}
{{- $root := index . 0 }}
{{- if has (index . 1) $root.Values.server.toolsets }}true{{ end }}
{{- end }}

{{/*
The `kubemcp serve` command line. Every value that becomes a flag is mapped here and nowhere else, so the chart stays
aligned with src/KubeMcp.Cli/Commands/ServeCommand.cs (a test parses these args with the real command).
*/}}
{{- define "kubemcp.args" -}}
- serve
- --bind
- 0.0.0.0
- --port
- {{ .Values.server.port | quote }}
- --toolsets
- {{ join "," .Values.server.toolsets | quote }}
{{- if .Values.server.readOnly }}
- --read-only
{{- end }}
{{- if .Values.server.disableDestructive }}
- --disable-destructive
{{- end }}
- --list-output
- {{ .Values.server.listOutput | quote }}
{{- if .Values.server.stateless }}
- --stateless
{{- end }}
{{- with include "kubemcp.number" .Values.server.outputBudget }}
- --output-budget
- {{ . | quote }}
{{- end }}
{{- range .Values.server.allowedOrigins }}
- --allow-origin
- {{ . | quote }}
{{- end }}
{{- range .Values.server.allowedChartSources }}
- --allow-chart-source
- {{ . | quote }}
{{- end }}
- --log-level
- {{ .Values.server.logLevel | quote }}
{{- if .Values.policy.enabled }}
- --policy
- /etc/kubemcp/policy/policy.yaml
{{- end }}
{{- if ne .Values.auth.mode "none" }}
- --auth
- {{ .Values.auth.mode | quote }}
{{- end }}
{{- if eq .Values.auth.mode "tokens" }}
- --auth-tokens
- /etc/kubemcp/auth/tokens.csv
{{- end }}
{{- if ne .Values.auth.clusterIdentity "server" }}
- --cluster-identity
- {{ .Values.auth.clusterIdentity | quote }}
{{- end }}
{{- with include "kubemcp.number" .Values.rateLimit.perSession }}
- --rate-limit-session
- {{ . | quote }}
{{- end }}
{{- with include "kubemcp.number" .Values.rateLimit.global }}
- --rate-limit-global
- {{ . | quote }}
{{- end }}
{{- if .Values.audit.enabled }}
- --audit-log
- /var/log/kubemcp/audit.jsonl
{{- with include "kubemcp.number" .Values.audit.maxBytes }}
- --audit-max-bytes
- {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.telemetry.otlpEndpoint }}
- --otlp-endpoint
- {{ . | quote }}
{{- end }}
{{- if not .Values.telemetry.prometheus }}
- --no-metrics
{{- end }}
{{- range .Values.server.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- end }}
