/** Names from the list (forums, groups), comma-separated, each isolated so a right-to-left name keeps its commas in place. */
export function NameList({ names }: { names: string[] }) {
  if (names.length === 0) return <>–</>;
  return (
    <>
      {names.map((name, index) => (
        <span key={`${index}:${name}`}>
          {index > 0 ? ', ' : null}
          <bdi>{name}</bdi>
        </span>
      ))}
    </>
  );
}
