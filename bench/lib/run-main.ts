/** A bench script's main: the process exits when it is done (open handles of the doubles would keep it), 1 on an error. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
