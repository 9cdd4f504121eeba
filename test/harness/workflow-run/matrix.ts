// `strategy.matrix`: the product of the axes, minus `exclude`, then `include` (a combination that
// matches no leg's original values adds a leg; one that matches extends those legs), as GitHub
// expands it. A matrix given as a whole expression has been rendered before it gets here.
type Leg = Record<string, unknown>;

export function matrixLegs(matrix: unknown): Leg[] {
  if (matrix === undefined || matrix === null || matrix === '') return [{}];
  if (typeof matrix !== 'object' || Array.isArray(matrix))
    throw new Error(`strategy.matrix: expected a mapping, got ${JSON.stringify(matrix)}`);
  const { include, exclude, ...axes } = matrix as Record<string, unknown>;
  let legs: Leg[] = [{}];
  for (const [axis, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) throw new Error(`strategy.matrix.${axis}: expected a list`);
    legs = legs.flatMap((leg) => values.map((v: unknown) => ({ ...leg, [axis]: v })));
  }
  const matches = (leg: Leg, partial: Leg, keys: string[]): boolean =>
    keys.every((k) => JSON.stringify(leg[k]) === JSON.stringify(partial[k]));
  for (const ex of (exclude as Leg[] | undefined) ?? [])
    legs = legs.filter((leg) => !matches(leg, ex, Object.keys(ex)));
  const axisNames = Object.keys(axes);
  if (axisNames.length === 0) legs = [];
  for (const inc of (include as Leg[] | undefined) ?? []) {
    const onAxes = Object.keys(inc).filter((k) => axisNames.includes(k));
    const targets = legs.filter(
      (leg) =>
        matches(leg, inc, onAxes) &&
        Object.keys(inc).every((k) => axisNames.includes(k) || !(k in leg) || leg[k] === inc[k]),
    );
    if (targets.length > 0) for (const t of targets) Object.assign(t, inc);
    else legs.push({ ...inc });
  }
  return legs.length > 0 ? legs : [{}];
}
