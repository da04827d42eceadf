import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy…/waitFor give up after 1 s by default: on a loaded 2-core machine the first import of the
// lazily loaded chart chunk alone can take longer. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
