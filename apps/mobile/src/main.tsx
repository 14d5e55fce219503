import { mountApp } from './bootstrap';
import { AppRoutes } from './app-routes';

mountApp('/member', <AppRoutes />);
