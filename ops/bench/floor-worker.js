// The benchmark's floor: the least a Worker can do, served by the same runtime as ours.
export default { fetch: () => new Response('ok') };
