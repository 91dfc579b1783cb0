/**
 * {@code pods/log}: where a container's log is served (the kubelet of the pod's node) and the
 * checks the API server makes before it proxies a log request there, as upstream's {@code
 * pod.LogLocation}.
 */
package io.pilothouse.logs;
