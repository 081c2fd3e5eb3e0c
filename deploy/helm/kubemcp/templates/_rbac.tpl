{{/*
RBAC rules derived from the enabled toolsets and the mode, so the ServiceAccount holds only what the offered tools use:
  core, read-only      get/list/watch on the usual workload objects (like the built-in `view` role: no Secrets),
                       pods/log, metrics.k8s.io (pods_top, nodes_top), nodes/proxy (nodes_log, nodes_stats_summary)
  core, readOnly=false adds create (pods_run, resources_create_or_update) and, unless disableDestructive, update, patch,
                       delete, the scale subresources (resources_scale) and pods/exec (pods_exec)
  helm                 Helm's release records: Secrets (or ConfigMaps with helm.storageDriver=configmap)
  config               nothing: it shows the server's own kubeconfig
Rules for namespaced objects and for cluster-scoped ones are kept apart so that rbac.clusterWide=false can put the
first kind in Roles. Each template renders a YAML list (empty when nothing is needed).
*/}}

{{- define "kubemcp.rbac.namespacedRules" -}}
{{- $core := include "kubemcp.hasToolset" (list . "core") }}
{{- $helm := include "kubemcp.hasToolset" (list . "helm") }}
{{- $write := not .Values.server.readOnly }}
{{- $destructive := and $write (not .Values.server.disableDestructive) }}
{{- $read := list "get" "list" "watch" }}
{{- $writeVerbs := ternary (list "create" "update" "patch" "delete") (list "create") $destructive }}
{{- /* Helm updates its release record while an install proceeds, so even installs need update and patch. */}}
{{- $storageVerbs := ternary (list "create" "update" "patch" "delete") (list "create" "update" "patch") $destructive }}
{{- $groups := list
  (dict "group" "" "resources" (list "pods" "services" "endpoints" "configmaps" "events" "persistentvolumeclaims" "replicationcontrollers" "serviceaccounts" "resourcequotas" "limitranges" "podtemplates"))
  (dict "group" "apps" "resources" (list "deployments" "replicasets" "statefulsets" "daemonsets" "controllerrevisions"))
  (dict "group" "batch" "resources" (list "jobs" "cronjobs"))
  (dict "group" "autoscaling" "resources" (list "horizontalpodautoscalers"))
  (dict "group" "policy" "resources" (list "poddisruptionbudgets"))
  (dict "group" "networking.k8s.io" "resources" (list "ingresses" "networkpolicies"))
  (dict "group" "discovery.k8s.io" "resources" (list "endpointslices"))
  (dict "group" "events.k8s.io" "resources" (list "events")) }}
{{- $rules := list }}
{{- if $core }}
{{- range $groups }}
{{- $rules = append $rules (dict "apiGroups" (list .group) "resources" .resources "verbs" $read) }}
{{- end }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "pods/log") "verbs" (list "get")) }}
{{- if .Values.rbac.metrics }}
{{- $rules = append $rules (dict "apiGroups" (list "metrics.k8s.io") "resources" (list "pods") "verbs" (list "get" "list")) }}
{{- end }}
{{- if $write }}
{{- range $groups }}
{{- $rules = append $rules (dict "apiGroups" (list .group) "resources" .resources "verbs" $writeVerbs) }}
{{- end }}
{{- end }}
{{- if $destructive }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "replicationcontrollers/scale") "verbs" (list "get" "update" "patch")) }}
{{- $rules = append $rules (dict "apiGroups" (list "apps") "resources" (list "deployments/scale" "replicasets/scale" "statefulsets/scale") "verbs" (list "get" "update" "patch")) }}
{{- /* create for the WebSocket exec of current API servers, get for older ones. */}}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "pods/exec") "verbs" (list "create" "get")) }}
{{- end }}
{{- end }}
{{- if or .Values.rbac.secrets (and $helm (eq .Values.helm.storageDriver "secret")) }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "secrets") "verbs" $read) }}
{{- if $write }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "secrets") "verbs" $storageVerbs) }}
{{- end }}
{{- end }}
{{- if and $helm (eq .Values.helm.storageDriver "configmap") }}
{{- if not $core }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "configmaps") "verbs" $read) }}
{{- end }}
{{- if $write }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "configmaps") "verbs" $storageVerbs) }}
{{- end }}
{{- end }}
{{- range .Values.rbac.extraRules }}
{{- $rules = append $rules . }}
{{- end }}
{{- toYaml $rules }}
{{- end }}

{{- define "kubemcp.rbac.clusterRules" -}}
{{- $read := list "get" "list" "watch" }}
{{- $rules := list }}
{{- if include "kubemcp.hasToolset" (list . "core") }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "nodes" "namespaces" "persistentvolumes") "verbs" $read) }}
{{- $rules = append $rules (dict "apiGroups" (list "storage.k8s.io") "resources" (list "storageclasses") "verbs" $read) }}
{{- $rules = append $rules (dict "apiGroups" (list "networking.k8s.io") "resources" (list "ingressclasses") "verbs" $read) }}
{{- $rules = append $rules (dict "apiGroups" (list "apiextensions.k8s.io") "resources" (list "customresourcedefinitions") "verbs" $read) }}
{{- if .Values.rbac.metrics }}
{{- $rules = append $rules (dict "apiGroups" (list "metrics.k8s.io") "resources" (list "nodes") "verbs" (list "get" "list")) }}
{{- end }}
{{- if .Values.rbac.nodeProxy }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "nodes/proxy") "verbs" (list "get")) }}
{{- end }}
{{- end }}
{{- if eq .Values.auth.mode "tokenreview" }}
{{- $rules = append $rules (dict "apiGroups" (list "authentication.k8s.io") "resources" (list "tokenreviews") "verbs" (list "create")) }}
{{- end }}
{{- if eq .Values.auth.clusterIdentity "impersonate" }}
{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (list "users" "groups" "serviceaccounts") "verbs" (list "impersonate")) }}
{{- end }}
{{- toYaml $rules }}
{{- end }}
