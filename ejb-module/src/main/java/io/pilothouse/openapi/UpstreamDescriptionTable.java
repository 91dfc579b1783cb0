package io.pilothouse.openapi;

/**
 * Generated data for {@link UpstreamDescriptions}: the first sentence (at most 160 characters) of
 * the Go doc comment of the served kinds, of their specs and statuses and of the most used types
 * they reach (ObjectMeta, PodSpec, Container...), type and fields, from k8s.io/api and
 * k8s.io/apimachinery v0.36.3. One line per entry: {@code schema field description}, {@code -} as
 * the field of the type itself, names abbreviated as in {@link UpstreamTraitTable}. Regenerate
 * rather than edit by hand.
 */
final class UpstreamDescriptionTable {

  static final String TABLE =
      """
      core.v1.Volume - Volume represents a named volume in a pod that may be accessed by any container in the pod.
      core.v1.Volume name name of the volume.
      core.v1.ContainerPort - ContainerPort represents a network port in a single container.
      core.v1.ContainerPort name If specified, this must be an IANA_SVC_NAME and unique within the pod.
      core.v1.ContainerPort hostPort Number of port to expose on the host.
      core.v1.ContainerPort containerPort Number of port to expose on the pod's IP address.
      core.v1.ContainerPort protocol Protocol for port.
      core.v1.ContainerPort hostIP What host IP to bind the external port to.
      core.v1.VolumeMount - VolumeMount describes a mounting of a Volume within a container.
      core.v1.VolumeMount name This must match the Name of a Volume.
      core.v1.VolumeMount readOnly Mounted read-only if true, read-write otherwise (false or unspecified).
      core.v1.VolumeMount recursiveReadOnly RecursiveReadOnly specifies whether read-only mounts should be handled recursively.
      core.v1.VolumeMount mountPath Path within the container at which the volume should be mounted.
      core.v1.VolumeMount subPath Path within the volume from which the container's volume should be mounted.
      core.v1.VolumeMount mountPropagation mountPropagation determines how mounts are propagated from the host to container and the other way around.
      core.v1.VolumeMount subPathExpr Expanded path within the volume from which the container's volume should be mounted.
      core.v1.EnvVar - EnvVar represents an environment variable present in a Container.
      core.v1.EnvVar name Name of the environment variable.
      core.v1.EnvVar value Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables.
      core.v1.EnvVar valueFrom Source for the environment variable's value.
      core.v1.Probe - Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.
      core.v1.Probe initialDelaySeconds Number of seconds after the container has started before liveness probes are initiated.
      core.v1.Probe timeoutSeconds Number of seconds after which the probe times out.
      core.v1.Probe periodSeconds How often (in seconds) to perform the probe.
      core.v1.Probe successThreshold Minimum consecutive successes for the probe to be considered successful after having failed.
      core.v1.Probe failureThreshold Minimum consecutive failures for the probe to be considered failed after having succeeded.
      core.v1.Probe terminationGracePeriodSeconds Optional duration in seconds the pod needs to terminate gracefully upon probe failure.
      core.v1.ResourceRequirements - ResourceRequirements describes the compute resource requirements.
      core.v1.ResourceRequirements limits Limits describes the maximum amount of compute resources allowed.
      core.v1.ResourceRequirements requests Requests describes the minimum amount of compute resources required.
      core.v1.ResourceRequirements claims Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.
      core.v1.Container - A single application container that you want to run within a pod.
      core.v1.Container name Name of the container specified as a DNS_LABEL.
      core.v1.Container image Container image name.
      core.v1.Container command Entrypoint array.
      core.v1.Container args Arguments to the entrypoint.
      core.v1.Container workingDir Container's working directory.
      core.v1.Container ports List of ports to expose from the container.
      core.v1.Container envFrom List of sources to populate environment variables in the container.
      core.v1.Container env List of environment variables to set in the container.
      core.v1.Container resources Compute Resources required by this container.
      core.v1.Container resizePolicy Resources resize policy for the container.
      core.v1.Container restartPolicy RestartPolicy defines the restart behavior of individual containers in a pod.
      core.v1.Container restartPolicyRules Represents a list of rules to be checked to determine if the container should be restarted on exit.
      core.v1.Container volumeMounts Pod volumes to mount into the container's filesystem.
      core.v1.Container volumeDevices volumeDevices is the list of block devices to be used by the container.
      core.v1.Container livenessProbe Periodic probe of container liveness.
      core.v1.Container readinessProbe Periodic probe of container service readiness.
      core.v1.Container startupProbe StartupProbe indicates that the Pod has successfully initialized.
      core.v1.Container lifecycle Actions that the management system should take in response to container lifecycle events.
      core.v1.Container terminationMessagePath Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem.
      core.v1.Container terminationMessagePolicy Indicate how the termination message should be populated.
      core.v1.Container imagePullPolicy Image pull policy.
      core.v1.Container securityContext SecurityContext defines the security options the container should be run with.
      core.v1.Container stdin Whether this container should allocate a buffer for stdin in the container runtime.
      core.v1.Container stdinOnce Whether the container runtime should close the stdin channel after it has been opened by a single attach.
      core.v1.Container tty Whether this container should allocate a TTY for itself, also requires 'stdin' to be true.
      core.v1.ContainerStatus - ContainerStatus contains details for the current status of this container.
      core.v1.ContainerStatus name Name is a DNS_LABEL representing the unique name of the container.
      core.v1.ContainerStatus state State holds details about the container's current condition.
      core.v1.ContainerStatus lastState LastTerminationState holds the last termination state of the container to help debug container crashes and restarts.
      core.v1.ContainerStatus ready Ready specifies whether the container is currently passing its readiness check.
      core.v1.ContainerStatus restartCount RestartCount holds the number of times the container has been restarted.
      core.v1.ContainerStatus image Image is the name of container image that the container is running.
      core.v1.ContainerStatus imageID ImageID is the image ID of the container's image.
      core.v1.ContainerStatus containerID ContainerID is the ID of the container in the format '<type>://<container_id>'.
      core.v1.ContainerStatus started Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe.
      core.v1.ContainerStatus allocatedResources AllocatedResources represents the compute resources allocated for this container by the node.
      core.v1.ContainerStatus resources Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has...
      core.v1.ContainerStatus volumeMounts Status of volume mounts.
      core.v1.ContainerStatus user User represents user identity information initially attached to the first process of the container
      core.v1.ContainerStatus allocatedResourcesStatus AllocatedResourcesStatus represents the status of various resources allocated for this Pod.
      core.v1.ContainerStatus stopSignal StopSignal reports the effective stop signal for this container
      core.v1.PodCondition - PodCondition contains details for the current condition of this pod.
      core.v1.PodCondition type Type is the type of the condition.
      core.v1.PodCondition observedGeneration If set, this represents the .metadata.generation that the pod condition was set based upon.
      core.v1.PodCondition status Status is the status of the condition.
      core.v1.PodCondition lastProbeTime Last time we probed the condition.
      core.v1.PodCondition lastTransitionTime Last time the condition transitioned from one status to another.
      core.v1.PodCondition reason Unique, one-word, CamelCase reason for the condition's last transition.
      core.v1.PodCondition message Human-readable message indicating details about last transition.
      core.v1.PodSpec - PodSpec is a description of a pod.
      core.v1.PodSpec volumes List of volumes that can be mounted by containers belonging to the pod.
      core.v1.PodSpec initContainers List of initialization containers belonging to the pod.
      core.v1.PodSpec containers List of containers belonging to the pod.
      core.v1.PodSpec ephemeralContainers List of ephemeral containers run in this pod.
      core.v1.PodSpec restartPolicy Restart policy for all containers within the pod.
      core.v1.PodSpec terminationGracePeriodSeconds Optional duration in seconds the pod needs to terminate gracefully.
      core.v1.PodSpec activeDeadlineSeconds Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill...
      core.v1.PodSpec dnsPolicy Set DNS policy for the pod.
      core.v1.PodSpec nodeSelector NodeSelector is a selector which must be true for the pod to fit on a node.
      core.v1.PodSpec serviceAccountName ServiceAccountName is the name of the ServiceAccount to use to run this pod.
      core.v1.PodSpec serviceAccount DeprecatedServiceAccount is a deprecated alias for ServiceAccountName.
      core.v1.PodSpec automountServiceAccountToken AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.
      core.v1.PodSpec nodeName NodeName indicates in which node this pod is scheduled.
      core.v1.PodSpec hostNetwork Host networking requested for this pod.
      core.v1.PodSpec hostPID Use the host's pid namespace.
      core.v1.PodSpec hostIPC Use the host's ipc namespace.
      core.v1.PodSpec shareProcessNamespace Share a single process namespace between all of the containers in a pod.
      core.v1.PodSpec securityContext SecurityContext holds pod-level security attributes and common container settings.
      core.v1.PodSpec imagePullSecrets ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.
      core.v1.PodSpec hostname Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value.
      core.v1.PodSpec subdomain If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>".
      core.v1.PodSpec affinity If specified, the pod's scheduling constraints
      core.v1.PodSpec schedulerName If specified, the pod will be dispatched by specified scheduler.
      core.v1.PodSpec tolerations If specified, the pod's tolerations.
      core.v1.PodSpec hostAliases HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified.
      core.v1.PodSpec priorityClassName If specified, indicates the pod's priority.
      core.v1.PodSpec priority The priority value.
      core.v1.PodSpec dnsConfig Specifies the DNS parameters of a pod.
      core.v1.PodSpec readinessGates If specified, all readiness gates will be evaluated for pod readiness.
      core.v1.PodSpec runtimeClassName RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.
      core.v1.PodSpec enableServiceLinks EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links.
      core.v1.PodSpec preemptionPolicy PreemptionPolicy is the Policy for preempting pods with lower priority.
      core.v1.PodSpec overhead Overhead represents the resource overhead associated with running a pod for a given RuntimeClass.
      core.v1.PodSpec topologySpreadConstraints TopologySpreadConstraints describes how a group of pods ought to spread across topology domains.
      core.v1.PodSpec setHostnameAsFQDN If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default).
      core.v1.PodSpec os Specifies the OS of the containers in the pod.
      core.v1.PodSpec hostUsers Use the host's user namespace.
      core.v1.PodSpec schedulingGates SchedulingGates is an opaque list of values that if specified will block scheduling the pod.
      core.v1.PodSpec resourceClaims ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start.
      core.v1.PodSpec resources Resources is the total amount of CPU and Memory resources required by all containers in the pod.
      core.v1.PodSpec hostnameOverride HostnameOverride specifies an explicit override for the pod's hostname as perceived by the pod.
      core.v1.PodSpec schedulingGroup SchedulingGroup provides a reference to the immediate scheduling runtime grouping object that this Pod belongs to.
      core.v1.PodStatus - PodStatus represents information about the status of a pod.
      core.v1.PodStatus observedGeneration If set, this represents the .metadata.generation that the pod status was set based upon.
      core.v1.PodStatus phase The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle.
      core.v1.PodStatus conditions Current service state of pod.
      core.v1.PodStatus message A human readable message indicating details about why the pod is in this condition.
      core.v1.PodStatus reason A brief CamelCase message indicating details about why the pod is in this state.
      core.v1.PodStatus nominatedNodeName nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their...
      core.v1.PodStatus hostIP hostIP holds the IP address of the host to which the pod is assigned.
      core.v1.PodStatus hostIPs hostIPs holds the IP addresses allocated to the host.
      core.v1.PodStatus podIP podIP address allocated to the pod.
      core.v1.PodStatus podIPs podIPs holds the IP addresses allocated to the pod.
      core.v1.PodStatus startTime RFC 3339 date and time at which the object was acknowledged by the Kubelet.
      core.v1.PodStatus initContainerStatuses Statuses of init containers in this pod.
      core.v1.PodStatus containerStatuses Statuses of containers in this pod.
      core.v1.PodStatus qosClass The Quality of Service (QOS) classification assigned to the pod based on resource requirements See PodQOSClass type for available QOS classes More info:...
      core.v1.PodStatus ephemeralContainerStatuses Statuses for any ephemeral containers that have run in this pod.
      core.v1.PodStatus resize Status of resources resize desired for pod's containers.
      core.v1.PodStatus resourceClaimStatuses Status of resource claims.
      core.v1.PodStatus extendedResourceClaimStatus Status of extended resource claim backed by DRA.
      core.v1.PodStatus allocatedResources AllocatedResources is the total requests allocated for this pod by the node.
      core.v1.PodStatus resources Resources represents the compute resource requests and limits that have been applied at the pod level if pod-level requests or limits are set in...
      core.v1.PodStatus nodeAllocatableResourceClaimStatuses NodeAllocatableResourceClaimStatuses contains the status of node-allocatable resources that were allocated for this pod through DRA claims.
      core.v1.Pod - Pod is a collection of containers that can run on a host.
      core.v1.Pod spec Specification of the desired behavior of the pod.
      core.v1.Pod status Most recently observed status of the pod.
      core.v1.PodTemplateSpec - PodTemplateSpec describes the data a pod should have when created from a template
      core.v1.PodTemplateSpec spec Specification of the desired behavior of the pod.
      core.v1.ServiceStatus - ServiceStatus represents the current status of a service.
      core.v1.ServiceStatus loadBalancer LoadBalancer contains the current status of the load-balancer, if one is present.
      core.v1.ServiceStatus conditions Current service state
      core.v1.ServiceSpec - ServiceSpec describes the attributes that a user creates on a service.
      core.v1.ServiceSpec ports The list of ports that are exposed by this service.
      core.v1.ServiceSpec selector Route service traffic to pods with label keys and values matching this selector.
      core.v1.ServiceSpec clusterIP clusterIP is the IP address of the service and is usually assigned randomly.
      core.v1.ServiceSpec clusterIPs ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.
      core.v1.ServiceSpec type type determines how the Service is exposed.
      core.v1.ServiceSpec externalIPs externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.
      core.v1.ServiceSpec sessionAffinity Supports "ClientIP" and "None".
      core.v1.ServiceSpec loadBalancerIP Only applies to Service Type: LoadBalancer.
      core.v1.ServiceSpec loadBalancerSourceRanges If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs.
      core.v1.ServiceSpec externalName externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g.
      core.v1.ServiceSpec externalTrafficPolicy externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service's "externally-facing" addresses (NodePorts,...
      core.v1.ServiceSpec healthCheckNodePort healthCheckNodePort specifies the healthcheck nodePort for the service.
      core.v1.ServiceSpec publishNotReadyAddresses publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready.
      core.v1.ServiceSpec sessionAffinityConfig sessionAffinityConfig contains the configurations of session affinity.
      core.v1.ServiceSpec ipFamilies IPFamilies is a list of IP families (e.g.
      core.v1.ServiceSpec ipFamilyPolicy IPFamilyPolicy represents the dual-stack-ness requested or required by this Service.
      core.v1.ServiceSpec allocateLoadBalancerNodePorts allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer.
      core.v1.ServiceSpec loadBalancerClass loadBalancerClass is the class of the load balancer implementation this Service belongs to.
      core.v1.ServiceSpec internalTrafficPolicy InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.
      core.v1.ServiceSpec trafficDistribution TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints.
      core.v1.ServicePort - ServicePort contains information on service's port.
      core.v1.ServicePort name The name of this port within the service.
      core.v1.ServicePort protocol The IP protocol for this port.
      core.v1.ServicePort appProtocol The application protocol for this port.
      core.v1.ServicePort port The port that will be exposed by this service.
      core.v1.ServicePort targetPort Number or name of the port to access on the pods targeted by the service.
      core.v1.ServicePort nodePort The port on each node on which this service is exposed when type is NodePort or LoadBalancer.
      core.v1.Service - Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the...
      core.v1.Service spec Spec defines the behavior of a service.
      core.v1.Service status Most recently observed status of the service.
      core.v1.ServiceAccount - ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and...
      core.v1.ServiceAccount secrets Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.
      core.v1.ServiceAccount imagePullSecrets ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.
      core.v1.ServiceAccount automountServiceAccountToken AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.
      core.v1.Endpoints - Endpoints is a collection of endpoints that implement the actual service.
      core.v1.Endpoints subsets The set of all endpoints is the union of all subsets.
      core.v1.NodeSpec - NodeSpec describes the attributes that a node is created with.
      core.v1.NodeSpec podCIDR PodCIDR represents the pod IP range assigned to the node.
      core.v1.NodeSpec podCIDRs podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node.
      core.v1.NodeSpec providerID ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>
      core.v1.NodeSpec unschedulable Unschedulable controls node schedulability of new pods.
      core.v1.NodeSpec taints If specified, the node's taints.
      core.v1.NodeSpec configSource Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature.
      core.v1.NodeSpec externalID Deprecated.
      core.v1.NodeStatus - NodeStatus is information about the current status of a node.
      core.v1.NodeStatus capacity Capacity represents the total resources of a node.
      core.v1.NodeStatus allocatable Allocatable represents the resources of a node that are available for scheduling.
      core.v1.NodeStatus phase NodePhase is the recently observed lifecycle phase of the node.
      core.v1.NodeStatus conditions Conditions is an array of current observed node conditions.
      core.v1.NodeStatus addresses List of addresses reachable to the node.
      core.v1.NodeStatus daemonEndpoints Endpoints of daemons running on the Node.
      core.v1.NodeStatus nodeInfo Set of ids/uuids to uniquely identify the node.
      core.v1.NodeStatus images List of container images on this node
      core.v1.NodeStatus volumesInUse List of attachable volumes in use (mounted) by the node.
      core.v1.NodeStatus volumesAttached List of volumes that are attached to the node.
      core.v1.NodeStatus config Status of the config assigned to the node via the dynamic Kubelet config feature.
      core.v1.NodeStatus runtimeHandlers The available runtime handlers.
      core.v1.NodeStatus features Features describes the set of features implemented by the CRI implementation.
      core.v1.NodeStatus declaredFeatures DeclaredFeatures represents the features related to feature gates that are declared by the node.
      core.v1.Node - Node is a worker node in Kubernetes.
      core.v1.Node spec Spec defines the behavior of a node.
      core.v1.Node status Most recently observed status of the node.
      core.v1.NamespaceSpec - NamespaceSpec describes the attributes on a Namespace.
      core.v1.NamespaceSpec finalizers Finalizers is an opaque list of values that must be empty to permanently remove object from storage.
      core.v1.NamespaceStatus - NamespaceStatus is information about the current status of a Namespace.
      core.v1.NamespaceStatus phase Phase is the current lifecycle phase of the namespace.
      core.v1.NamespaceStatus conditions Represents the latest available observations of a namespace's current state.
      core.v1.Namespace - Namespace provides a scope for Names.
      core.v1.Namespace spec Spec defines the behavior of the Namespace.
      core.v1.Namespace status Status describes the current status of a Namespace.
      core.v1.Binding - Binding ties one object to another; for example, a pod is bound to a node by a scheduler.
      core.v1.Binding target The target object that you want to bind to the standard object.
      core.v1.Event - Event is a report of an event somewhere in the cluster.
      core.v1.Event involvedObject The object that this event is about.
      core.v1.Event reason This should be a short, machine understandable string that gives the reason for the transition into the object's current status.
      core.v1.Event message A human-readable description of the status of this operation.
      core.v1.Event source The component reporting this event.
      core.v1.Event firstTimestamp The time at which the event was first recorded.
      core.v1.Event lastTimestamp The time at which the most recent occurrence of this event was recorded.
      core.v1.Event count The number of times this event has occurred.
      core.v1.Event type Type of this event (Normal, Warning), new types could be added in the future
      core.v1.Event eventTime Time when this Event was first observed.
      core.v1.Event series Data about the Event series this event represents or nil if it's a singleton Event.
      core.v1.Event action What action was taken/failed regarding to the Regarding object.
      core.v1.Event related Optional secondary object for more complex actions.
      core.v1.Event reportingComponent Name of the controller that emitted this Event, e.g.
      core.v1.Event reportingInstance ID of the controller instance, e.g.
      core.v1.Secret - Secret holds secret data of a certain type.
      core.v1.Secret immutable Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).
      core.v1.Secret data Data contains the secret data.
      core.v1.Secret stringData stringData allows specifying non-binary secret data in string form.
      core.v1.Secret type Used to facilitate programmatic handling of secret data.
      core.v1.ConfigMap - ConfigMap holds configuration data for pods to consume.
      core.v1.ConfigMap immutable Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).
      core.v1.ConfigMap data Data contains the configuration data.
      core.v1.ConfigMap binaryData BinaryData contains the binary data.
      apps.v1.Deployment - Deployment enables declarative updates for Pods and ReplicaSets.
      apps.v1.Deployment spec Specification of the desired behavior of the Deployment.
      apps.v1.Deployment status Most recently observed status of the Deployment.
      apps.v1.DeploymentSpec - DeploymentSpec is the specification of the desired behavior of the Deployment.
      apps.v1.DeploymentSpec replicas Number of desired pods.
      apps.v1.DeploymentSpec selector Label selector for pods.
      apps.v1.DeploymentSpec template Template describes the pods that will be created.
      apps.v1.DeploymentSpec strategy The deployment strategy to use to replace existing pods with new ones.
      apps.v1.DeploymentSpec minReadySeconds Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.
      apps.v1.DeploymentSpec revisionHistoryLimit The number of old ReplicaSets to retain to allow rollback.
      apps.v1.DeploymentSpec paused Indicates that the deployment is paused.
      apps.v1.DeploymentSpec progressDeadlineSeconds The maximum time in seconds for a deployment to make progress before it is considered to be failed.
      apps.v1.DeploymentStrategy - DeploymentStrategy describes how to replace existing pods with new ones.
      apps.v1.DeploymentStrategy type Type of deployment.
      apps.v1.DeploymentStrategy rollingUpdate Rolling update config params.
      apps.v1.DeploymentStatus - DeploymentStatus is the most recently observed status of the Deployment.
      apps.v1.DeploymentStatus observedGeneration The generation observed by the deployment controller.
      apps.v1.DeploymentStatus replicas Total number of non-terminating pods targeted by this deployment (their labels match the selector).
      apps.v1.DeploymentStatus updatedReplicas Total number of non-terminating pods targeted by this deployment that have the desired template spec.
      apps.v1.DeploymentStatus readyReplicas Total number of non-terminating pods targeted by this Deployment with a Ready Condition.
      apps.v1.DeploymentStatus availableReplicas Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.
      apps.v1.DeploymentStatus unavailableReplicas Total number of unavailable pods targeted by this deployment.
      apps.v1.DeploymentStatus terminatingReplicas Total number of terminating pods targeted by this deployment.
      apps.v1.DeploymentStatus conditions Represents the latest available observations of a deployment's current state.
      apps.v1.DeploymentStatus collisionCount Count of hash collisions for the Deployment.
      apps.v1.ReplicaSet - ReplicaSet ensures that a specified number of pod replicas are running at any given time.
      apps.v1.ReplicaSet spec Spec defines the specification of the desired behavior of the ReplicaSet.
      apps.v1.ReplicaSet status Status is the most recently observed status of the ReplicaSet.
      apps.v1.ReplicaSetSpec - ReplicaSetSpec is the specification of a ReplicaSet.
      apps.v1.ReplicaSetSpec replicas Replicas is the number of desired pods.
      apps.v1.ReplicaSetSpec minReadySeconds Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.
      apps.v1.ReplicaSetSpec selector Selector is a label query over pods that should match the replica count.
      apps.v1.ReplicaSetSpec template Template is the object that describes the pod that will be created if insufficient replicas are detected.
      apps.v1.ReplicaSetStatus - ReplicaSetStatus represents the current status of a ReplicaSet.
      apps.v1.ReplicaSetStatus replicas Replicas is the most recently observed number of non-terminating pods.
      apps.v1.ReplicaSetStatus fullyLabeledReplicas The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.
      apps.v1.ReplicaSetStatus readyReplicas The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.
      apps.v1.ReplicaSetStatus availableReplicas The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.
      apps.v1.ReplicaSetStatus terminatingReplicas The number of terminating pods for this replica set.
      apps.v1.ReplicaSetStatus observedGeneration ObservedGeneration reflects the generation of the most recently observed ReplicaSet.
      apps.v1.ReplicaSetStatus conditions Represents the latest available observations of a replica set's current state.
      batch.v1.Job - Job represents the configuration of a single job.
      batch.v1.Job spec Specification of the desired behavior of a job.
      batch.v1.Job status Current status of a job.
      batch.v1.JobSpec - JobSpec describes how the job execution will look like.
      batch.v1.JobSpec parallelism Specifies the maximum desired number of pods the job should run at any given time.
      batch.v1.JobSpec completions Specifies the desired number of successfully finished pods the job should be run with.
      batch.v1.JobSpec activeDeadlineSeconds Specifies the duration in seconds relative to the startTime that the job may be continuously active before the system tries to terminate it; value must be...
      batch.v1.JobSpec podFailurePolicy Specifies the policy of handling failed pods.
      batch.v1.JobSpec successPolicy successPolicy specifies the policy when the Job can be declared as succeeded.
      batch.v1.JobSpec backoffLimit Specifies the number of retries before marking this job failed.
      batch.v1.JobSpec backoffLimitPerIndex Specifies the limit for the number of retries within an index before marking this index as failed.
      batch.v1.JobSpec maxFailedIndexes Specifies the maximal number of failed indexes before marking the Job as failed, when backoffLimitPerIndex is set.
      batch.v1.JobSpec selector A label query over pods that should match the pod count.
      batch.v1.JobSpec manualSelector manualSelector controls generation of pod labels and pod selectors.
      batch.v1.JobSpec template Describes the pod that will be created when executing a job.
      batch.v1.JobSpec ttlSecondsAfterFinished ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution (either Complete or Failed).
      batch.v1.JobSpec completionMode completionMode specifies how Pod completions are tracked.
      batch.v1.JobSpec suspend suspend specifies whether the Job controller should create Pods or not.
      batch.v1.JobSpec podReplacementPolicy podReplacementPolicy specifies when to create replacement Pods.
      batch.v1.JobSpec managedBy ManagedBy field indicates the controller that manages a Job.
      batch.v1.JobStatus - JobStatus represents the current state of a Job.
      batch.v1.JobStatus conditions The latest available observations of an object's current state.
      batch.v1.JobStatus startTime Represents time when the job controller started processing a job.
      batch.v1.JobStatus completionTime Represents time when the job was completed.
      batch.v1.JobStatus active The number of pending and running pods which are not terminating (without a deletionTimestamp).
      batch.v1.JobStatus succeeded The number of pods which reached phase Succeeded.
      batch.v1.JobStatus failed The number of pods which reached phase Failed.
      batch.v1.JobStatus terminating The number of pods which are terminating (in phase Pending or Running and have a deletionTimestamp).
      batch.v1.JobStatus completedIndexes completedIndexes holds the completed indexes when .spec.completionMode = "Indexed" in a text format.
      batch.v1.JobStatus failedIndexes FailedIndexes holds the failed indexes when spec.backoffLimitPerIndex is set.
      batch.v1.JobStatus uncountedTerminatedPods uncountedTerminatedPods holds the UIDs of Pods that have terminated but the job controller hasn't yet accounted for in the status counters.
      batch.v1.JobStatus ready The number of active pods which have a Ready condition and are not terminating (without a deletionTimestamp).
      coordination.v1.Lease - Lease defines a lease concept.
      coordination.v1.Lease spec spec contains the specification of the Lease.
      coordination.v1.LeaseSpec - LeaseSpec is a specification of a Lease.
      coordination.v1.LeaseSpec holderIdentity holderIdentity contains the identity of the holder of a current lease.
      coordination.v1.LeaseSpec leaseDurationSeconds leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it.
      coordination.v1.LeaseSpec acquireTime acquireTime is a time when the current lease was acquired.
      coordination.v1.LeaseSpec renewTime renewTime is a time when the current holder of a lease has last updated the lease.
      coordination.v1.LeaseSpec leaseTransitions leaseTransitions is the number of transitions of a lease between holders.
      coordination.v1.LeaseSpec strategy Strategy indicates the strategy for picking the leader for coordinated leader election.
      coordination.v1.LeaseSpec preferredHolder PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up.
      discovery.v1.EndpointSlice - EndpointSlice represents a set of service endpoints.
      discovery.v1.EndpointSlice addressType addressType specifies the type of address carried by this EndpointSlice.
      discovery.v1.EndpointSlice endpoints endpoints is a list of unique endpoints in this slice.
      discovery.v1.EndpointSlice ports ports specifies the list of network ports exposed by each endpoint in this slice.
      discovery.v1.Endpoint - Endpoint represents a single logical "backend" implementing a service.
      discovery.v1.Endpoint addresses addresses of this endpoint.
      discovery.v1.Endpoint conditions conditions contains information about the current status of the endpoint.
      discovery.v1.Endpoint hostname hostname of this endpoint.
      discovery.v1.Endpoint targetRef targetRef is a reference to a Kubernetes object that represents this endpoint.
      discovery.v1.Endpoint deprecatedTopology deprecatedTopology contains topology information part of the v1beta1 API.
      discovery.v1.Endpoint nodeName nodeName represents the name of the Node hosting this endpoint.
      discovery.v1.Endpoint zone zone is the name of the Zone this endpoint exists in.
      discovery.v1.Endpoint hints hints contains information associated with how an endpoint should be consumed.
      policy.v1.Eviction - Eviction evicts a pod from its node subject to certain policies and safety constraints.
      policy.v1.Eviction deleteOptions DeleteOptions may be provided
      meta.ListMeta - ListMeta describes metadata that synthetic resources must have, including lists and various status objects.
      meta.ListMeta selfLink Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.
      meta.ListMeta resourceVersion String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed.
      meta.ListMeta continue continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available.
      meta.ListMeta remainingItemCount remainingItemCount is the number of subsequent items in the list which are not included in this list response.
      meta.ListMeta shardInfo shardInfo is set when the list is a filtered subset of the full collection, as selected by a shard selector on the request.
      meta.ObjectMeta - ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.
      meta.ObjectMeta name Name must be unique within a namespace.
      meta.ObjectMeta generateName GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.
      meta.ObjectMeta namespace Namespace defines the space within which each name must be unique.
      meta.ObjectMeta selfLink Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.
      meta.ObjectMeta uid UID is the unique in time and space value for this object.
      meta.ObjectMeta resourceVersion An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed.
      meta.ObjectMeta generation A sequence number representing a specific generation of the desired state.
      meta.ObjectMeta creationTimestamp CreationTimestamp is a timestamp representing the server time when this object was created.
      meta.ObjectMeta deletionTimestamp DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.
      meta.ObjectMeta deletionGracePeriodSeconds Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.
      meta.ObjectMeta labels Map of string keys and values that can be used to organize and categorize (scope and select) objects.
      meta.ObjectMeta annotations Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.
      meta.ObjectMeta ownerReferences List of objects depended by this object.
      meta.ObjectMeta finalizers Must be empty before the object is deleted from the registry.
      meta.ObjectMeta managedFields ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.
      meta.OwnerReference - OwnerReference contains enough information to let you identify an owning object.
      meta.OwnerReference apiVersion API version of the referent.
      meta.OwnerReference kind Kind of the referent.
      meta.OwnerReference name Name of the referent.
      meta.OwnerReference uid UID of the referent.
      meta.OwnerReference controller If true, this reference points to the managing controller.
      meta.OwnerReference blockOwnerDeletion If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.
      meta.LabelSelector - A label selector is a label query over a set of resources.
      meta.LabelSelector matchLabels matchLabels is a map of {key,value} pairs.
      meta.LabelSelector matchExpressions matchExpressions is a list of label selector requirements.
      core.v1.Volume hostPath hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container.
      core.v1.Volume emptyDir emptyDir represents a temporary directory that shares a pod's lifetime.
      core.v1.Volume gcePersistentDisk gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod.
      core.v1.Volume awsElasticBlockStore awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod.
      core.v1.Volume gitRepo gitRepo represents a git repository at a particular revision.
      core.v1.Volume secret secret represents a secret that should populate this volume.
      core.v1.Volume nfs nfs represents an NFS mount on the host that shares a pod's lifetime More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs
      core.v1.Volume iscsi iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod.
      core.v1.Volume glusterfs glusterfs represents a Glusterfs mount on the host that shares a pod's lifetime.
      core.v1.Volume persistentVolumeClaim persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace.
      core.v1.Volume rbd rbd represents a Rados Block Device mount on the host that shares a pod's lifetime.
      core.v1.Volume flexVolume flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin.
      core.v1.Volume cinder cinder represents a cinder volume attached and mounted on kubelets host machine.
      core.v1.Volume cephfs cephFS represents a Ceph FS mount on the host that shares a pod's lifetime.
      core.v1.Volume flocker flocker represents a Flocker volume attached to a kubelet's host machine.
      core.v1.Volume downwardAPI downwardAPI represents downward API about the pod that should populate this volume
      core.v1.Volume fc fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod.
      core.v1.Volume azureFile azureFile represents an Azure File Service mount on the host and bind mount to the pod.
      core.v1.Volume configMap configMap represents a configMap that should populate this volume
      core.v1.Volume vsphereVolume vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine.
      core.v1.Volume quobyte quobyte represents a Quobyte mount on the host that shares a pod's lifetime.
      core.v1.Volume azureDisk azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod.
      core.v1.Volume photonPersistentDisk photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine.
      core.v1.Volume projected projected items for all in one resources secrets, configmaps, and downward API
      core.v1.Volume portworxVolume portworxVolume represents a portworx volume attached and mounted on kubelets host machine.
      core.v1.Volume scaleIO scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes.
      core.v1.Volume storageos storageOS represents a StorageOS volume attached and mounted on Kubernetes nodes.
      core.v1.Volume csi csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers.
      core.v1.Volume ephemeral ephemeral represents a volume that is handled by a cluster storage driver.
      core.v1.Volume image image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine.
      core.v1.Probe exec Exec specifies a command to execute in the container.
      core.v1.Probe httpGet HTTPGet specifies an HTTP GET request to perform.
      core.v1.Probe tcpSocket TCPSocket specifies a connection to a TCP port.
      core.v1.Probe grpc GRPC specifies a GRPC HealthCheckRequest.
      """;

  private UpstreamDescriptionTable() {}
}
