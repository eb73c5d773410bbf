import { notifications } from '@mantine/notifications';
import { problemMessage } from '../api/problems';

export const notifySuccess = (message: string) => notifications.show({ color: 'green', message });
export const notifyError = (error: unknown) => notifications.show({ color: 'red', title: 'That did not work', message: problemMessage(error) });
