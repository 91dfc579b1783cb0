package io.pilothouse.openapi;

import java.util.List;

/**
 * One path of the API ({@code /api/v1/namespaces/{namespace}/pods/{name}/status}) with the
 * parameters all its operations share and the operations themselves.
 */
record ApiPath(String path, List<ApiParameter> parameters, List<ApiOperation> operations) {}
