/** Runs an action and shows it is in flight on the control that started it. */
export const busyWhile = async (control, work) => {
  control?.setAttribute('aria-busy', 'true');
  if (control) control.disabled = true;
  try {
    await work();
  } finally {
    control?.removeAttribute('aria-busy');
    if (control?.isConnected) control.disabled = false;
  }
};
